package io.jruns.bench.b4;

import io.jruns.bench.child.Report;
import io.jruns.bench.child.Stats;
import io.jruns.internal.embedded.EmbeddedStore;
import io.jruns.search.SearchRequest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * B4 at scale (child JVM): two-clause filter + order searches over the big store (1,000,000
 * runs by default, see {@link BigStore}), max 100, each beside two baselines in the same run:
 * the same search over a 100,000-run store of the same shape, and a hand-written SQLite
 * join for the same page's run ids on the big store (which also checks the search's answer: the
 * generated store has no NaN values, whose order the join would not know).
 * Usage: BigSearchMain CACHE_DIR RUNS ROUNDS
 */
public final class BigSearchMain {
    static final int BASE_RUNS = 100_000;

    /** A search and its hand-written equivalent: a param equality and a comparison on the order's metric. */
    record Query(String name, String filter, String order, String metric, String op, double value, String param,
                 String paramValue, boolean ascending) {
        SearchRequest request(String exp) {
            return SearchRequest.builder().experiments(exp).filter(filter).orderBy(order).maxResults(100).build();
        }

        String handWritten() {
            return "SELECT r.run_uuid FROM runs r JOIN params p ON p.rid = r.rid AND p.key = ? "
                    + "JOIN metric_summaries m ON m.rid = r.rid AND m.key = ? WHERE p.value = ? AND m.latest " + op
                    + " ? AND r.experiment_id = ? AND r.lifecycle_stage = 'active' ORDER BY m.latest"
                    + (ascending ? "" : " DESC") + ", r.start_time DESC, r.run_uuid LIMIT 100";
        }
    }

    static final List<Query> QUERIES = List.of(
            new Query("b4big.q1", ManageMain.Q1, "metrics.r2 DESC", "r2", ">", 0.3, "alpha", "0.5", false),
            new Query("b4big.q3", "params.alpha = \"0.5\" AND metrics.rmse < 1", "metrics.rmse", "rmse", "<", 1, "alpha",
                    "0.5", true));

    private BigSearchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path cache = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Path big = BigStore.ensure(cache, runs);
        Path base = BigStore.ensure(cache, Math.min(runs, BASE_RUNS));
        Report.figure("b4big.runs", runs);
        Report.figure("b4big.baseRuns", Math.min(runs, BASE_RUNS));
        try (EmbeddedStore store = EmbeddedStore.inHome(big); EmbeddedStore small = EmbeddedStore.inHome(base);
             Connection raw = DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile())) {
            String exp = store.getExperimentByName(BigStore.EXPERIMENT).orElseThrow().experimentId();
            String smallExp = small.getExperimentByName(BigStore.EXPERIMENT).orElseThrow().experimentId();
            for (Query q : QUERIES) {
                SearchRequest r = q.request(exp);
                List<String> found = ManageMain.ids(store.searchRuns(r).runs());
                List<String> expected = handWritten(raw, q, exp);
                Report.figure(q.name() + ".agree", found.equals(expected) ? 1 : 0);
                Report.figure(q.name() + ".page", found.size());
                SearchRequest sr = q.request(smallExp);
                // interleaved, so load from the machine's other work falls on all three alike
                List<Work> work = List.of(() -> store.searchRuns(r).runs().size(),
                        () -> small.searchRuns(sr).runs().size(), () -> handWritten(raw, q, exp).size());
                double[][] ms = interleaved(rounds, work);
                Report.stats(q.name() + ".jruns", Stats.of(ms[0]));
                Report.stats(q.name() + ".small", Stats.of(ms[1]));
                Report.stats(q.name() + ".sql", Stats.of(ms[2]));
                Report.progress(q.name() + ": done");
            }
        }
    }

    interface Work {
        int run() throws SQLException;
    }

    /** Times each piece of work once per round, in turn, after five warm-up rounds; milliseconds. */
    private static double[][] interleaved(int rounds, List<Work> work) throws SQLException {
        double[][] ms = new double[work.size()][rounds];
        for (int i = -5; i < rounds; i++) {
            for (int w = 0; w < work.size(); w++) {
                long t = System.nanoTime();
                work.get(w).run();
                if (i >= 0) ms[w][i] = (System.nanoTime() - t) / 1e6;
            }
        }
        return ms;
    }

    private static List<String> handWritten(Connection raw, Query q, String exp) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = raw.prepareStatement(q.handWritten())) {
            ps.setString(1, q.param());
            ps.setString(2, q.metric());
            ps.setString(3, q.paramValue());
            ps.setDouble(4, q.value());
            ps.setLong(5, Long.parseLong(exp));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
