package io.jruns.internal.embedded;

import io.jruns.domain.RunInfo;
import io.jruns.domain.ViewType;
import io.jruns.search.Expr;
import io.jruns.search.Field;
import io.jruns.search.SearchPlan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page ordered by a metric that no comparison in the filter bounds ({@code params.alpha = "0.5"}
 * by {@code metrics.r2 DESC}): the runs with the metric come from the walk of its index
 * (values, then NaN; see MetricWalk), and only when those run out before the page's end are
 * the runs without the metric, which MLflow's order puts last, looked for. Two statements, so
 * a page only (a scan of every run keeps one statement, see RunScan). Chosen, like the walk,
 * when a param or tag equality drives and matches many runs (sorting its candidates would
 * cost more than walking until the page is full), or when there is no filter at all.
 */
final class MetricSplit {
    private MetricSplit() {
    }

    /** Whether the page is read this way (forced: whenever the order starts with an unbounded metric). */
    static boolean applies(Connection c, SearchPlan plan, boolean forced) throws SQLException {
        List<Expr> conjuncts = SearchSql.conjuncts(plan);
        if (plan.order().isEmpty() || !(plan.order().get(0).field() instanceof Field.Metric)) return false;
        if (MetricWalk.guard(plan, conjuncts) >= 0) return false; // the walk alone serves it
        if (forced || conjuncts.isEmpty()) return true; // no filter: the walk's first rows are the page
        int driver = SearchSql.driverIndex(conjuncts);
        return driver >= 0 && MetricWalk.broad(c, plan, (Expr.TextTest) conjuncts.get(driver));
    }

    /** The page's info rows by rid, in order: at most the page size plus one, from the plan's offset. */
    static Map<Long, RunInfo> rows(Connection c, SearchPlan plan) throws SQLException {
        long pageEnd = (long) plan.offset() + plan.maxResults() + 1;
        List<Long> rids = new ArrayList<>();
        List<RunInfo> infos = new ArrayList<>();
        read(c, MetricWalk.unguarded(plan, pageEnd), pageEnd, rids, infos);
        if (rids.size() < pageEnd) read(c, missing(plan, pageEnd - rids.size()), pageEnd, rids, infos);
        Map<Long, RunInfo> page = new LinkedHashMap<>();
        for (int i = plan.offset(); i < rids.size(); i++) page.put(rids.get(i), infos.get(i));
        return page;
    }

    private static void read(Connection c, SearchSql.Query q, long pageEnd, List<Long> rids, List<RunInfo> infos)
            throws SQLException {
        if (q.usesIlike()) RunSearch.registerIlike(c);
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
            RunSearch.bind(ps, q.binds());
            try (ResultSet rs = ps.executeQuery()) {
                while (rids.size() < pageEnd && rs.next()) {
                    rids.add(rs.getLong(1));
                    infos.add(RunReads.info(rs));
                }
            }
        }
    }

    /** The runs without the order's metric that pass the filter, by the order's other keys: the first {@code limit}. */
    static SearchSql.Query missing(SearchPlan plan, long limit) {
        List<Object> joinBinds = new ArrayList<>();
        StringBuilder joins = new StringBuilder();
        StringBuilder order = new StringBuilder();
        SearchSql.appendOrder(plan.order().subList(1, plan.order().size()), joins, joinBinds, order);
        List<Object> binds = new ArrayList<>(joinBinds);
        List<Expr> conjuncts = SearchSql.conjuncts(plan);
        int driver = SearchSql.driverIndex(conjuncts);
        // "+" keeps SQLite off the experiment index, so the driver's rid list leads (as SearchSql does).
        StringBuilder where = new StringBuilder(driver >= 0 ? "+r.experiment_id IN (" : "r.experiment_id IN (")
                .append(FilterSql.marks(plan.experimentIds().size())).append(")");
        plan.experimentIds().forEach(id -> binds.add(Long.parseLong(id)));
        if (plan.viewType() != ViewType.ALL) {
            where.append(" AND r.lifecycle_stage = ?");
            binds.add(plan.viewType() == ViewType.ACTIVE_ONLY ? "active" : "deleted");
        }
        where.append(" AND NOT EXISTS (SELECT 1 FROM metric_summaries WHERE rid = r.rid AND key = ?)");
        binds.add(((Field.Metric) plan.order().get(0).field()).key());
        FilterSql filter = new FilterSql(binds);
        for (int i = 0; i < conjuncts.size(); i++) {
            where.append(" AND ").append(filter.compile(conjuncts.get(i), i == driver ? FilterSql.Shape.LIST
                    : FilterSql.Shape.PROBE));
        }
        binds.add(limit);
        String sql = "SELECT " + SearchSql.INFO_COLUMNS + " FROM runs r" + joins + " WHERE " + where + " ORDER BY " + order
                + " LIMIT ?";
        return new SearchSql.Query(sql, binds, filter.usesIlike());
    }
}
