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

/**
 * A search ordered by a metric, when a top-level comparison on that same metric (any
 * operator but !=, and that a NaN, compared as 0, fails) keeps every matching run's value non-null: walk the metric's summary
 * index in the requested order, check each run as it comes, and stop once the page is full
 * ({@code metrics.r2 > 0.3 AND params.alpha = '0.5'} by {@code metrics.r2 DESC}). The
 * comparison becomes the range of the walk. A page of 100 then costs about 100 / selectivity
 * index steps instead of a sort of every candidate; when a param or tag equality would give
 * few candidates, those stay cheaper, so the walk is chosen only when that equality matches
 * more than sqrt(page end x runs) runs (counted, capped at that bound).
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

    /** The conjunct on the first order key's own metric that excludes missing and NaN values (such as {@code > 0.3}), or -1. */
    static int guard(SearchPlan plan, List<Expr> conjuncts) {
        if (plan.order().isEmpty() || !(plan.order().get(0).field() instanceof Field.Metric m)) return -1;
        for (int i = 0; i < conjuncts.size(); i++) {
            if (conjuncts.get(i) instanceof Expr.NumberTest n && n.field().equals(m) && n.op() != NumberOp.NE
                    && !FilterSql.nanPasses(n)) return i; // a NaN latest compares as 0: the walk would miss it
        }
        return -1;
    }

    /** Whether the driving equality matches more runs than the walk is expected to step over. */
    private static boolean broad(Connection c, SearchPlan plan, Expr.TextTest driver) throws SQLException {
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
        Expr.NumberTest g = (Expr.NumberTest) conjuncts.get(guard);
        String col = "w." + FilterSql.metricColumn((Field.Metric) g.field());
        List<Object> joinBinds = new ArrayList<>();
        StringBuilder joins = new StringBuilder();
        List<OrderKey> order = plan.order();
        // The walk's own column leads; it is never null here, so no "missing last" term.
        StringBuilder orderSql = new StringBuilder(col).append(order.get(0).ascending() ? " ASC, " : " DESC, ");
        SearchSql.appendOrder(order.subList(1, order.size()), joins, joinBinds, orderSql);

        List<Object> binds = new ArrayList<>(joinBinds);
        binds.add(((Field.Metric) g.field()).key());
        binds.add(g.value().value());
        StringBuilder where = new StringBuilder("w.key = ? AND ").append(col).append(' ').append(g.op().symbol())
                .append(" ? AND r.rid = w.rid AND r.experiment_id IN (")
                .append(FilterSql.marks(plan.experimentIds().size())).append(")");
        plan.experimentIds().forEach(id -> binds.add(Long.parseLong(id)));
        if (plan.viewType() != ViewType.ALL) {
            where.append(" AND r.lifecycle_stage = ?");
            binds.add(plan.viewType() == ViewType.ACTIVE_ONLY ? "active" : "deleted");
        }
        FilterSql filter = new FilterSql(binds);
        for (int i = 0; i < conjuncts.size(); i++) {
            if (i != guard) where.append(" AND ").append(filter.compile(conjuncts.get(i), FilterSql.Shape.PROBE));
        }
        binds.add((long) plan.maxResults() + 1);
        binds.add((long) plan.offset());
        // CROSS JOIN fixes the loop order: the metric index outside, each run probed by rid.
        String sql = "SELECT " + SearchSql.INFO_COLUMNS + " FROM metric_summaries w CROSS JOIN runs r" + joins
                + " WHERE " + where + " ORDER BY " + orderSql + " LIMIT ? OFFSET ?";
        return new SearchSql.Query(sql, binds, filter.usesIlike());
    }
}
