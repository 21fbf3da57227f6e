package io.jruns.internal.embedded;

import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunData;
import io.jruns.domain.RunInfo;
import io.jruns.search.Expr;
import io.jruns.search.Like;
import io.jruns.search.SearchPlan;
import io.jruns.search.SearchResult;
import org.sqlite.Function;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Runs a search on the embedded store: filter, order and page in SQL, then the page's
 * params, tags and metric summaries with one query per table (the rids passed as one
 * JSON array), never a query per run.
 */
final class RunSearch {
    private static final Set<Connection> WITH_ILIKE = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private RunSearch() {
    }

    static SearchResult page(Connection c, SearchPlan plan) throws SQLException {
        return page(c, plan, SearchSql.Strategy.AUTO);
    }

    /** As {@link #page(Connection, SearchPlan)} with the SQL shape forced (tests compare all of them). */
    static SearchResult page(Connection c, SearchPlan plan, SearchSql.Strategy strategy) throws SQLException {
        Map<Long, RunInfo> infos = new LinkedHashMap<>();
        boolean auto = strategy == SearchSql.Strategy.AUTO || strategy == SearchSql.Strategy.WALK;
        if (auto && MetricSplit.applies(c, plan, strategy == SearchSql.Strategy.WALK)) {
            infos = MetricSplit.rows(c, plan);
        } else {
            SearchSql.Query q = query(c, plan, strategy);
            try (PreparedStatement ps = c.prepareStatement(q.sql())) {
                bind(ps, q.binds());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) infos.put(rs.getLong(1), RunReads.info(rs));
                }
            }
        }
        boolean more = infos.size() > plan.maxResults();
        if (more) infos.remove(new ArrayList<>(infos.keySet()).get(plan.maxResults()));
        String rids = infos.keySet().toString(); // [1, 2, 3]: a JSON array for json_each
        Map<Long, Map<String, String>> params = keyValues(c, "params", rids);
        Map<Long, Map<String, String>> tags = keyValues(c, "tags", rids);
        Map<Long, Map<String, MetricSummary>> metrics = summaries(c, rids);
        List<Run> runs = new ArrayList<>(infos.size());
        infos.forEach((rid, info) -> runs.add(new Run(info, new RunData(metrics.getOrDefault(rid, Map.of()),
                params.getOrDefault(rid, Map.of()), tags.getOrDefault(rid, Map.of())))));
        return new SearchResult(runs, plan.nextToken(more, runs.size()));
    }

    /** The page's SQL in the shape the strategy asks for (AUTO: the one expected to be fastest). */
    static SearchSql.Query query(Connection c, SearchPlan plan, SearchSql.Strategy strategy) throws SQLException {
        boolean auto = strategy == SearchSql.Strategy.AUTO || strategy == SearchSql.Strategy.WALK;
        SearchSql.Query q = auto ? MetricWalk.choose(c, plan, strategy == SearchSql.Strategy.WALK) : null;
        if (q == null) {
            long size = auto && SearchSql.needsRunCount(plan) ? countRuns(c, plan) : 0;
            q = SearchSql.page(plan, strategy, size, auto && broadDriver(c, plan));
        }
        if (q.usesIlike()) registerIlike(c);
        return q;
    }

    /** Whether the order is the experiment index's own and the driving equality matches many runs. */
    static boolean broadDriver(Connection c, SearchPlan plan) throws SQLException {
        List<Expr> conjuncts = SearchSql.conjuncts(plan);
        int driver = SearchSql.driverIndex(conjuncts);
        return driver >= 0 && SearchSql.walksExperimentIndex(plan)
                && MetricWalk.broad(c, plan, (Expr.TextTest) conjuncts.get(driver));
    }

    /** How many runs the searched experiments hold (a covering index count). */
    static long countRuns(Connection c, SearchPlan plan) throws SQLException {
        String sql = "SELECT count(*) FROM runs WHERE experiment_id IN (" + FilterSql.marks(plan.experimentIds().size()) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (String id : plan.experimentIds()) ps.setLong(i++, Long.parseLong(id));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static void bind(PreparedStatement ps, List<Object> binds) throws SQLException {
        int i = 1;
        for (Object b : binds) {
            if (b instanceof Long l) ps.setLong(i++, l);
            else if (b instanceof Double d) ps.setDouble(i++, d);
            else ps.setString(i++, (String) b);
        }
    }

    /**
     * Each run's keys and values of a table. One JSON object per run (SQLite's
     * json_group_object, exact for strings) costs the driver one call per run instead of
     * three per value, which is most of the time a page of many runs takes.
     */
    static Map<Long, Map<String, String>> keyValues(Connection c, String table, String rids) throws SQLException {
        Map<Long, Map<String, String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT rid, json_group_object(key, value) FROM " + table
                + " WHERE rid IN (SELECT value FROM json_each(?)) GROUP BY rid")) {
            ps.setString(1, rids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getLong(1), JsonObjects.strings(rs.getString(2)));
            }
        }
        return out;
    }

    /** Metric summaries; which of latest/min/max are NULL comes as one flags column, saving driver calls. */
    static Map<Long, Map<String, MetricSummary>> summaries(Connection c, String rids) throws SQLException {
        Map<Long, Map<String, MetricSummary>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT rid, key, latest, latest_ts, latest_step, min_value, "
                + "max_value, count, latest_is_nan + 2 * (min_value IS NULL) + 4 * (max_value IS NULL) "
                + "FROM metric_summaries WHERE rid IN (SELECT value FROM json_each(?))")) {
            ps.setString(1, rids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(2);
                    int flags = rs.getInt(9);
                    double latest = (flags & 1) != 0 ? Double.NaN : rs.getDouble(3);
                    double min = (flags & 2) != 0 ? Double.NaN : rs.getDouble(6);
                    double max = (flags & 4) != 0 ? Double.NaN : rs.getDouble(7);
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(key, new MetricSummary(key, latest,
                            rs.getLong(4), rs.getLong(5), min, max, rs.getLong(8)));
                }
            }
        }
        return out;
    }

    /** Registers jruns' ILIKE (the evaluator's own matcher) once per connection. */
    static void registerIlike(Connection c) throws SQLException {
        if (WITH_ILIKE.contains(c)) return;
        Function.create(c, FilterSql.ILIKE_FUNCTION, new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String value = value_text(0);
                String pattern = value_text(1);
                result(value != null && pattern != null && Like.matches(value, pattern, true) ? 1 : 0);
            }
        }, 2, Function.FLAG_DETERMINISTIC);
        WITH_ILIKE.add(c);
    }
}
