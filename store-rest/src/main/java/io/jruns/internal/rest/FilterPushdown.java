package io.jruns.internal.rest;

import io.jruns.search.Aggregate;
import io.jruns.search.Attribute;
import io.jruns.search.Expr;
import io.jruns.search.Field;
import io.jruns.search.OrderKey;
import io.jruns.search.TextOp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which part of a jruns filter an MLflow server can run. MLflow takes comparisons joined by
 * AND; so of a top-level AND, each comparison MLflow understands the same way goes to the
 * server, and the whole filter is then evaluated again on what comes back (so the server only
 * narrows the candidates). A NaN latest value compares as 0 on both sides. Left to the client: OR, NOT, parentheses, MIN/MAX, has_model, IN
 * except on run_id, and values the
 * server's parser could read differently (quotes of both kinds, backslashes, non-finite
 * numbers, non-ASCII ILIKE patterns).
 */
final class FilterPushdown {
    /** What jruns reads as a number; {@link #mlflowNumber} rewrites it in the forms MLflow's parser takes. */
    private static final Pattern NUMBER = Pattern.compile("([-+]?)(\\d*)(?:\\.(\\d*))?(?:[eE]([-+]?)(\\d+))?");

    /**
     * The server's filter ("" for none), the whole filter in jruns's language when the server
     * filter leaves part of it to the client ("" otherwise: a jruns server may run it all, see
     * {@link RestSearch}), and the metrics whose history MIN/MAX need: for the filter (a run's
     * latest values may settle those, see {@link LatestBounds}) and for the order (always).
     */
    record Split(String serverFilter, String jrunsFilter, Set<String> filterHistoryKeys, Set<String> orderHistoryKeys) {
        static final Split NONE = new Split("", "", Set.of(), Set.of());

        boolean needsHistory() {
            return !filterHistoryKeys.isEmpty() || !orderHistoryKeys.isEmpty();
        }

        /** This split for runs the server has already filtered with the whole filter. */
        Split filteredByServer() {
            return new Split(serverFilter, jrunsFilter, Set.of(), orderHistoryKeys);
        }
    }

    private FilterPushdown() {
    }

    static Split of(Optional<Expr> filter, List<OrderKey> order) {
        Set<String> history = new TreeSet<>();
        filter.ifPresent(e -> aggregated(e, history));
        Set<String> ordered = new TreeSet<>();
        for (OrderKey k : order) {
            if (k.field() instanceof Field.Metric m && m.aggregate() != Aggregate.LATEST) ordered.add(m.key());
        }
        if (filter.isEmpty()) return new Split("", "", history, ordered);
        List<Expr> terms = filter.get() instanceof Expr.And and ? and.terms() : List.of(filter.get());
        List<String> pushed = new ArrayList<>();
        for (Expr t : terms) {
            String s = render(t);
            if (s != null) pushed.add(s);
        }
        String whole = pushed.size() == terms.size() ? "" : filter.get().render();
        return new Split(String.join(" AND ", pushed), whole, history, ordered);
    }

    /** The comparison in MLflow's syntax, or null when the server should not run it. */
    static String render(Expr e) {
        if (e instanceof Expr.NumberTest n) return number(n);
        if (e instanceof Expr.TextTest t) return text(t);
        return null;
    }

    private static String number(Expr.NumberTest n) {
        if (n.field() instanceof Field.Metric m) {
            String number = mlflowNumber(n.value().text());
            if (m.aggregate() != Aggregate.LATEST || !Double.isFinite(n.value().value()) || number == null
                    || m.key().contains("`")) return null;
            return "metrics.`" + m.key() + "` " + n.op().symbol() + " " + number;
        }
        if (n.field() instanceof Field.Attr a && n.value().exact() != null
                && (a.attribute() == Attribute.START_TIME || a.attribute() == Attribute.END_TIME)) {
            return "attributes." + a.attribute().wireName() + " " + n.op().symbol() + " " + n.value().exact();
        }
        return null;
    }

    private static String text(Expr.TextTest t) {
        String field;
        if (t.field() instanceof Field.Param p && !p.key().contains("`")) field = "params.`" + p.key() + "`";
        else if (t.field() instanceof Field.Tag g && !g.key().contains("`")) field = "tags.`" + g.key() + "`";
        else if (t.field() instanceof Field.Attr a && pushableAttribute(a.attribute())) {
            field = "attributes." + a.attribute().wireName();
        } else return null;
        boolean runId = t.field() instanceof Field.Attr a && a.attribute() == Attribute.RUN_ID;
        if (t.op().takesList()) {
            if (!runId) return null;
            List<String> quoted = new ArrayList<>();
            for (String v : t.values()) {
                String q = quote(v);
                if (q == null) return null;
                quoted.add(q);
            }
            return field + " " + t.op().symbol() + " (" + String.join(", ", quoted) + ")";
        }
        String v = t.values().get(0);
        if (t.op() == TextOp.ILIKE && !v.chars().allMatch(c -> c < 0x80)) return null;
        String q = quote(v);
        return q == null ? null : field + " " + t.op().symbol() + " " + q;
    }

    /**
     * The number as sqlparse reads it ({@code -?\d+(\.\d+)?} with an optional {@code E-?\d+}):
     * {@code +1e+3} becomes {@code 1e3}, {@code .5} {@code 0.5}, {@code 5.} {@code 5}; null if none.
     */
    static String mlflowNumber(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.matches() || m.group(2).isEmpty() && (m.group(3) == null || m.group(3).isEmpty())) return null;
        StringBuilder b = new StringBuilder(m.group(1).equals("-") ? "-" : "");
        b.append(m.group(2).isEmpty() ? "0" : m.group(2));
        if (m.group(3) != null && !m.group(3).isEmpty()) b.append('.').append(m.group(3));
        if (m.group(5) != null) b.append('e').append(m.group(4).equals("-") ? "-" : "").append(m.group(5));
        return b.toString();
    }

    private static boolean pushableAttribute(Attribute a) {
        return a == Attribute.RUN_ID || a == Attribute.RUN_NAME || a == Attribute.STATUS || a == Attribute.ARTIFACT_URI;
    }

    /** A string literal MLflow reads back unchanged, or null when there is none. */
    private static String quote(String v) {
        if (v.indexOf('\\') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) return null;
        if (v.indexOf('\'') < 0) return "'" + v + "'";
        if (v.indexOf('"') < 0) return "\"" + v + "\"";
        return null;
    }

    private static void aggregated(Expr e, Set<String> out) {
        if (e instanceof Expr.And a) a.terms().forEach(t -> aggregated(t, out));
        else if (e instanceof Expr.Or o) o.terms().forEach(t -> aggregated(t, out));
        else if (e instanceof Expr.Not n) aggregated(n.term(), out);
        else if (e instanceof Expr.NumberTest n && n.field() instanceof Field.Metric m
                && m.aggregate() != Aggregate.LATEST) out.add(m.key());
    }
}
