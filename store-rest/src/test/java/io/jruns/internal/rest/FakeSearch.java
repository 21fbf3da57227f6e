package io.jruns.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.json.RestJson;
import io.jruns.search.Aggregate;
import io.jruns.search.Attribute;
import io.jruns.search.Evaluator;
import io.jruns.search.Expr;
import io.jruns.search.Field;
import io.jruns.search.FilterParser;
import io.jruns.search.OrderKey;
import io.jruns.search.OrderParser;
import io.jruns.search.RunOrder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The fake's runs/search: MLflow's filter language only (AND of comparisons; OR, MIN() and
 * friends are 400s with the recorded messages), experiment ids as strings (numbers match
 * nothing), max_results up to 50,000, newest first, page tokens as base64 {"offset": N}.
 */
final class FakeSearch {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final FakeState st;
    /** Every filter the fake was asked to run, for the push-down tests. */
    final List<String> filters = new ArrayList<>();
    /** Every jruns_filter sent with them (MLflow ignores the field). */
    final List<String> jrunsFilters = new ArrayList<>();
    /** Whether the fake plays jruns ui: runs jruns_filter in place of filter, sorts by jruns_order_by, and says so. */
    volatile boolean runsJrunsFilters;

    FakeSearch(FakeState st) {
        this.st = st;
    }

    JsonNode search(JsonNode b) {
        ObjectNode out = F.objectNode();
        List<String> ids = new ArrayList<>();
        for (JsonNode id : b.path("experiment_ids")) {
            if (!id.isTextual()) return out; // 50-edge-cases: numbers silently match nothing
            ids.add(id.textValue());
        }
        int max = b.path("max_results").asInt(1000);
        if (max > 50_000 || max < 1) {
            throw FakeError.invalid("Invalid value " + max + " for parameter 'max_results' supplied. Hint: Value was "
                    + "of type 'int'. See the API docs for more information about request parameters.");
        }
        String filterText = b.path("filter").asText("");
        filters.add(filterText);
        String whole = b.path("jruns_filter").asText("");
        if (!whole.isEmpty()) jrunsFilters.add(whole);
        boolean jruns = runsJrunsFilters && !whole.isEmpty();
        Optional<Expr> filter = jruns ? FilterParser.parse(whole) : mlflowFilter(filterText);
        ViewType view = ViewType.valueOf(b.path("run_view_type").asText("ACTIVE_ONLY"));
        List<Run> runs = new ArrayList<>();
        for (FakeState.FRun r : st.runs.values()) {
            Run run = r.toDomain();
            if (!ids.contains(r.experimentId) || !view.includes(r.stage)) continue;
            if (filter.isEmpty() || Evaluator.matches(filter.get(), run)) runs.add(run);
        }
        List<OrderKey> order = new ArrayList<>();
        if (runsJrunsFilters) b.path("jruns_order_by").forEach(o -> order.addAll(OrderParser.parse(o.asText())));
        runs.sort(RunOrder.comparator(order));
        int offset = 0;
        if (b.hasNonNull("page_token")) {
            String json = new String(Base64.getDecoder().decode(b.get("page_token").asText()), StandardCharsets.UTF_8);
            offset = RestJson.parse(json).path("offset").asInt();
        }
        int to = Math.min(runs.size(), offset + max);
        ArrayNode a = F.arrayNode();
        for (Run r : runs.subList(Math.min(offset, to), to)) a.add(st.withInputs(RestJson.runNode(r)));
        if (!a.isEmpty()) out.set("runs", a);
        if (jruns) out.put("jruns_filter_applied", true);
        if (!order.isEmpty()) out.put("jruns_order_applied", true);
        if (runsJrunsFilters && b.path("jruns_count").asBoolean(false)) out.put("jruns_run_count", runs.size());
        if (to < runs.size()) {
            out.put("next_page_token", Base64.getEncoder().encodeToString(("{\"offset\": " + to + "}")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** Parses with the jruns parser, then refuses what MLflow's own parser refuses. */
    private static Optional<Expr> mlflowFilter(String text) {
        Optional<Expr> e;
        try {
            e = FilterParser.parse(text);
        } catch (RuntimeException ex) {
            throw FakeError.invalid("Error on parsing filter '" + text + "'");
        }
        e.ifPresent(FakeSearch::check);
        return e;
    }

    private static void check(Expr e) {
        if (e instanceof Expr.Or) throw FakeError.invalid("Invalid clause(s) in filter string: 'OR'");
        if (e instanceof Expr.Not) throw FakeError.invalid("Invalid clause(s) in filter string: 'NOT'");
        if (e instanceof Expr.And a) {
            a.terms().forEach(FakeSearch::check);
            return;
        }
        if (e instanceof Expr.ModelTest) throw FakeError.invalid("Invalid attribute key 'has_model' specified.");
        if (e instanceof Expr.NumberTest n && n.field() instanceof Field.Metric m && m.aggregate() != Aggregate.LATEST) {
            throw FakeError.invalid("Invalid comparison clause. Expected 'Identifier' found '" + m.render() + "'");
        }
        if (e instanceof Expr.TextTest t && t.op().takesList()
                && !(t.field() instanceof Field.Attr a && a.attribute() == Attribute.RUN_ID)) {
            throw FakeError.invalid("Invalid comparator '" + t.op().symbol() + "' not one of '['=', '!=', 'LIKE', 'ILIKE']'");
        }
    }
}
