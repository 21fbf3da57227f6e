package io.jruns.search;

import io.jruns.domain.ViewType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request parsed and checked: the filter (empty = every run), the order keys, and the
 * page's offset and size. Stores execute plans; the fingerprint ties page tokens to it.
 */
public record SearchPlan(
        List<String> experimentIds,
        ViewType viewType,
        Optional<Expr> filter,
        List<OrderKey> order,
        int offset,
        int maxResults,
        String fingerprint) {

    public static SearchPlan of(SearchRequest r) {
        Optional<Expr> filter = FilterParser.parse(r.filter());
        List<OrderKey> order = new ArrayList<>();
        for (String o : r.orderBy()) order.addAll(OrderParser.parse(o));
        if (order.size() > OrderParser.MAX_KEYS) {
            // each key of a param, tag or metric is a join, and SQLite takes at most 64 tables
            throw new FilterException(String.join(", ", r.orderBy()), 1,
                    "order too long: at most " + OrderParser.MAX_KEYS + " keys, got " + order.size());
        }
        String canonical = String.join(",", r.experimentIds()) + "|" + r.viewType() + "|"
                + filter.map(Expr::render).orElse("") + "|"
                + String.join(",", order.stream().map(OrderKey::render).toList());
        String fingerprint = PageToken.fingerprint(canonical);
        int offset = r.pageToken() == null ? 0 : PageToken.decode(r.pageToken(), fingerprint);
        return new SearchPlan(r.experimentIds(), r.viewType(), filter, List.copyOf(order), offset, r.maxResults(),
                fingerprint);
    }

    /** The token for the page after one that held {@code pageSize} runs, when more runs follow. */
    public String nextToken(boolean more, int pageSize) {
        return more ? PageToken.encode(offset + pageSize, fingerprint) : null;
    }
}
