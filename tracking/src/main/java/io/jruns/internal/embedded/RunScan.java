package io.jruns.internal.embedded;

import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunData;
import io.jruns.domain.RunInfo;
import io.jruns.search.SearchPlan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every run a search matches, streamed: the search's SQL runs once without a page limit,
 * and the runs' params, tags and metric summaries are read a block of {@link #BLOCK} runs at
 * a time, so memory holds one block however many runs match (CSV export of 100,000 runs).
 */
final class RunScan {
    static final int BLOCK = 2000;

    private RunScan() {
    }

    static long scan(Connection c, SearchPlan request, long limit, Consumer<Run> sink) throws SQLException {
        if (limit <= 0) return 0;
        int max = (int) Math.min(limit, Integer.MAX_VALUE - 1);
        SearchPlan plan = new SearchPlan(request.experimentIds(), request.viewType(), request.filter(), request.order(),
                request.offset(), max, request.fingerprint());
        SearchSql.Query q = RunSearch.query(c, plan, SearchSql.Strategy.AUTO);
        long n = 0;
        Map<Long, RunInfo> block = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
            RunSearch.bind(ps, q.binds());
            try (ResultSet rs = ps.executeQuery()) {
                while (n + block.size() < max && rs.next()) {
                    block.put(rs.getLong(1), RunReads.info(rs));
                    if (block.size() == BLOCK) n += flush(c, block, sink);
                }
            }
        }
        return n + flush(c, block, sink);
    }

    private static int flush(Connection c, Map<Long, RunInfo> block, Consumer<Run> sink) throws SQLException {
        if (block.isEmpty()) return 0;
        String rids = block.keySet().toString();
        Map<Long, Map<String, String>> params = RunSearch.keyValues(c, "params", rids);
        Map<Long, Map<String, String>> tags = RunSearch.keyValues(c, "tags", rids);
        Map<Long, Map<String, MetricSummary>> metrics = RunSearch.summaries(c, rids);
        int n = block.size();
        block.forEach((rid, info) -> sink.accept(new Run(info, new RunData(metrics.getOrDefault(rid, Map.of()),
                params.getOrDefault(rid, Map.of()), tags.getOrDefault(rid, Map.of())))));
        block.clear();
        return n;
    }
}
