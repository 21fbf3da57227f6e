package io.jruns.internal.embedded;

import io.jruns.domain.ViewType;
import io.jruns.search.Expr;
import io.jruns.search.Field;
import io.jruns.search.NumberOp;
import io.jruns.search.OrderKey;
import io.jruns.search.SearchPlan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A search ordered by a metric, when a top-level comparison on that same metric (any
 * operator but !=) keeps every matching run's row: walk the metric's summary
 * index in the requested order, check each run as it comes, and stop once the page is full
 * ({@code metrics.r2 > 0.3 AND params.alpha = '0.5'} by {@code metrics.r2 DESC}). The
 * comparison becomes the range of the walk. A page of 100 then costs about 100 / selectivity
 * index steps instead of a sort of every candidate; when a param or tag equality would give
 * few candidates, those stay cheaper, so the walk is chosen only when that equality matches
 * more than sqrt(page end x runs) runs (counted, capped at that bound). When a NaN latest
 * value passes the comparison (compared as 0, as in {@code metrics.rmse < 1}), the NaN rows
 * are walked as a second part, after the values, as MLflow's order puts them.
 */
final class MetricWalk {
    private MetricWalk() {
    }

    /** The walk for this plan, or null when it does not apply (or, unless forced, would not pay). */
    static SearchSql.Query choose(Connection c, SearchPlan plan, boolean forced) throws SQLException {
        List<Expr> conjuncts = SearchSql.conjuncts(plan);
        int guard = guard(plan, conjuncts);
        if (guard < 0) return null;
        int driver = SearchSql.driverIndex(conjuncts);
        if (!forced && driver >= 0 && !broad(c, plan, (Expr.TextTest) conjuncts.get(driver))) return null;
        return query(plan, conjuncts, guard);
    }

    /**
     * The conjunct on the first order key's own metric that excludes missing values (such as
     * {@code > 0.3}), one that also excludes NaN preferred; or -1.
     */
    static int guard(SearchPlan plan, List<Expr> conjuncts) {
        if (plan.order().isEmpty() || !(plan.order().get(0).field() instanceof Field.Metric m)) return -1;
        int nanPassing = -1;
        for (int i = 0; i < conjuncts.size(); i++) {
            if (conjuncts.get(i) instanceof Expr.NumberTest n && n.field().equals(m) && n.op() != NumberOp.NE) {
                if (!FilterSql.nanPasses(n)) return i;
                if (nanPassing < 0) nanPassing = i;
            }
        }
        return nanPassing;
    }

    /** Whether the driving equality matches more runs than the walk is expected to step over. */
    static boolean broad(Connection c, SearchPlan plan, Expr.TextTest driver) throws SQLException {
        long runs;
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(rid), 0) FROM runs");
             ResultSet rs = ps.executeQuery()) {
            runs = rs.next() ? rs.getLong(1) : 0;
        }
        long bound = (long) Math.sqrt((double) (plan.offset() + plan.maxResults() + 1) * runs);
        String table = driver.field() instanceof Field.Param ? "params" : "tags";
        String key = driver.field() instanceof Field.Param p ? p.key() : ((Field.Tag) driver.field()).key();
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM " + table
                + " WHERE key = ? AND value IN (" + FilterSql.marks(driver.values().size()) + ") LIMIT ?)")) {
            int i = 1;
            ps.setString(i++, key);
            for (String v : driver.values()) ps.setString(i++, v);
            ps.setLong(i, bound + 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > bound;
            }
        }
    }

    private static SearchSql.Query query(SearchPlan plan, List<Expr> conjuncts, int guard) {
        return walk(plan, conjuncts, guard, plan.maxResults() + 1L, plan.offset());
    }

    /**
     * Every run with the first order key's metric that passes the filter, in the requested order
     * (values, then NaN), at most {@code limit} from {@code offset}: the runs without the metric,
     * which come last, are left to the caller (see MetricSplit). Null when the order does not start
     * with a metric.
     */
    static SearchSql.Query unguarded(SearchPlan plan, long limit) {
        if (plan.order().isEmpty() || !(plan.order().get(0).field() instanceof Field.Metric)) return null;
        return walk(plan, SearchSql.conjuncts(plan), -1, limit, 0);
    }

    /** The walk over the first order key's metric; {@code guard} (or -1) the conjunct that becomes its range. */
    private static SearchSql.Query walk(SearchPlan plan, List<Expr> conjuncts, int guard, long limit, long offset) {
        Expr.NumberTest g = guard < 0 ? null : (Expr.NumberTest) conjuncts.get(guard);
        Field.Metric metric = (Field.Metric) plan.order().get(0).field();
        String col = "w." + FilterSql.metricColumn(metric);
        List<Object> joinBinds = new ArrayList<>();
        StringBuilder joins = new StringBuilder();
        List<OrderKey> order = plan.order();
        // The walk's own column leads; it is never null in the values part, so no "missing last" term.
        List<SearchSql.Term> terms = new ArrayList<>(List.of(new SearchSql.Term(col, order.get(0).ascending())));
        terms.addAll(SearchSql.orderTerms(order.subList(1, order.size()), joins, joinBinds));
        String orderSql = terms.stream().map(SearchSql.Term::render).collect(Collectors.joining(", "));
        List<Object> binds = new ArrayList<>();
        Double bound = g == null ? null : g.value().value();
        String range = g == null ? col + " IS NOT NULL" : col + " " + g.op().symbol() + " ?";
        if (g != null && !FilterSql.nanPasses(g)) {
            StringBuilder sql = new StringBuilder("SELECT ").append(SearchSql.INFO_COLUMNS);
            boolean ilike = part(plan, conjuncts, guard, metric, range, bound, joins, joinBinds, binds, sql);
            binds.add(limit);
            binds.add(offset);
            return new SearchSql.Query(sql + " ORDER BY " + orderSql + " LIMIT ? OFFSET ?", binds, ilike);
        }
        // A NaN passes (a latest NaN compared as 0, or no guard at all) and sorts after every
        // value whatever the direction: walk the values, then the NaN rows, each part cut at the
        // page's end, and merge the two short lists by the order's terms, selected as columns s0, s1, ...
        long pageEnd = offset + limit;
        StringBuilder columns = new StringBuilder();
        StringBuilder outerOrder = new StringBuilder("part");
        for (int i = 0; i < terms.size(); i++) {
            columns.append(", ").append(terms.get(i).expr()).append(" AS s").append(i);
            outerOrder.append(", ").append(new SearchSql.Term("s" + i, terms.get(i).ascending()).render());
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(RunReads.INFO_COLUMNS).append(" FROM (");
        boolean ilike = false;
        for (int p = 0; p < 2; p++) {
            if (p == 1) sql.append(" UNION ALL ");
            sql.append("SELECT * FROM (SELECT ").append(p).append(" AS part, ").append(SearchSql.INFO_COLUMNS).append(columns);
            ilike |= part(plan, conjuncts, guard, metric, p == 0 ? range : col + " IS NULL", bound, joins, joinBinds,
                    binds, sql);
            sql.append(" ORDER BY ").append(orderSql).append(" LIMIT ?)");
            binds.add(pageEnd);
        }
        sql.append(") ORDER BY ").append(outerOrder).append(" LIMIT ? OFFSET ?");
        binds.add(limit);
        binds.add(offset);
        return new SearchSql.Query(sql.toString(), binds, ilike);
    }

    /**
     * Appends one walk's FROM and WHERE: the metric's rows meeting {@code range} (binds the key,
     * and {@code bound} when the range has a mark), each run probed by rid; the conjunct
     * {@code guard} (or -1) is the range, not probed.
     * Returns whether the filter uses ILIKE.
     */
    private static boolean part(SearchPlan plan, List<Expr> conjuncts, int guard, Field.Metric metric, String range,
                                Double bound, StringBuilder joins, List<Object> joinBinds, List<Object> binds,
                                StringBuilder sql) {
        binds.addAll(joinBinds);
        binds.add(metric.key());
        if (range.endsWith("?")) binds.add(bound);
        // CROSS JOIN fixes the loop order: the metric index outside, each run probed by rid.
        sql.append(" FROM metric_summaries w CROSS JOIN runs r").append(joins).append(" WHERE w.key = ? AND ")
                .append(range).append(" AND r.rid = w.rid AND r.experiment_id IN (")
                .append(FilterSql.marks(plan.experimentIds().size())).append(")");
        plan.experimentIds().forEach(id -> binds.add(Long.parseLong(id)));
        if (plan.viewType() != ViewType.ALL) {
            sql.append(" AND r.lifecycle_stage = ?");
            binds.add(plan.viewType() == ViewType.ACTIVE_ONLY ? "active" : "deleted");
        }
        FilterSql filter = new FilterSql(binds);
        for (int i = 0; i < conjuncts.size(); i++) {
            if (i != guard) sql.append(" AND ").append(filter.compile(conjuncts.get(i), FilterSql.Shape.PROBE));
        }
        return filter.usesIlike();
    }
}
