package io.jruns.internal.embedded;

import io.jruns.domain.ViewType;
import io.jruns.search.Expr;
import io.jruns.search.SearchPlan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact number of runs a search matches, by SQL COUNT over the same conditions as
 * {@link SearchSql} (no order, no page). Without a filter the count comes from indexes alone:
 * every run of the experiments (the experiment index covers it) less the deleted ones (their
 * partial index), so a 100,000-run experiment counts in milliseconds.
 */
final class CountSql {
    private CountSql() {
    }

    static long count(Connection c, SearchPlan plan) throws SQLException {
        return count(c, plan, null);
    }

    /** As {@link #count(Connection, SearchPlan)} with the comparisons' shape forced (null: chosen; tests try both). */
    static long count(Connection c, SearchPlan plan, FilterSql.Shape forced) throws SQLException {
        List<Expr> conjuncts = SearchSql.conjuncts(plan);
        if (conjuncts.isEmpty()) return unfiltered(c, plan);
        List<Object> binds = new ArrayList<>();
        int driver = SearchSql.driverIndex(conjuncts);
        // "+" keeps SQLite off the experiment index, so the driver's rid list leads (as SearchSql does).
        StringBuilder where = new StringBuilder(driver >= 0 ? "+r.experiment_id IN (" : "r.experiment_id IN (")
                .append(FilterSql.marks(plan.experimentIds().size())).append(")");
        plan.experimentIds().forEach(id -> binds.add(Long.parseLong(id)));
        if (plan.viewType() != ViewType.ALL) {
            where.append(" AND r.lifecycle_stage = ?");
            binds.add(plan.viewType() == ViewType.ACTIVE_ONLY ? "active" : "deleted");
        }
        // Every run is looked at: in large experiments one list per comparison beats a probe per run.
        FilterSql.Shape shape = forced != null ? forced : driver >= 0 || RunSearch.countRuns(c, plan) <= SearchSql.LIST_THRESHOLD
                ? FilterSql.Shape.PROBE : FilterSql.Shape.LIST;
        FilterSql filter = new FilterSql(binds);
        for (int i = 0; i < conjuncts.size(); i++) {
            where.append(" AND ").append(filter.compile(conjuncts.get(i), i == driver ? FilterSql.Shape.LIST : shape));
        }
        if (filter.usesIlike()) RunSearch.registerIlike(c);
        return single(c, "SELECT count(*) FROM runs r WHERE " + where, binds);
    }

    private static long unfiltered(Connection c, SearchPlan plan) throws SQLException {
        String in = "experiment_id IN (" + FilterSql.marks(plan.experimentIds().size()) + ")";
        List<Object> ids = new ArrayList<>();
        plan.experimentIds().forEach(id -> ids.add(Long.parseLong(id)));
        // the WHERE repeats the partial index's condition so SQLite may use it
        long deleted = plan.viewType() == ViewType.ALL ? 0
                : single(c, "SELECT count(*) FROM runs WHERE " + in + " AND lifecycle_stage = 'deleted'", ids);
        if (plan.viewType() == ViewType.DELETED_ONLY) return deleted;
        return single(c, "SELECT count(*) FROM runs WHERE " + in, ids) - deleted;
    }

    private static long single(Connection c, String sql, List<Object> binds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            RunSearch.bind(ps, binds);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
