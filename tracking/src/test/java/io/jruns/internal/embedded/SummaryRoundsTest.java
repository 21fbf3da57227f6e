package io.jruns.internal.embedded;

import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;
import io.jruns.search.SearchRequest;
import io.jruns.store.MetricColumns;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A summary rewritten round after round: after rounds that move the latest value alone, the
 * minimum, the maximum, both, or through NaN, the row and its three index entries agree
 * (SQLite's integrity check), and searches that walk those indexes find the run by its current
 * values only.
 */
class SummaryRoundsTest extends OneRunStore {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "latest only        | 5 1 9; 4; 6; 7",
            "new minimum        | 5; 3; 0.5",
            "new maximum        | 5; 8; 12",
            "both               | 5; 1 20; -3 30",
            "NaN then values    | NaN; NaN; 2; 7",
            "values then NaN    | 2; NaN; NaN",
            "signed zeros       | 0; -0.0; 0",
            "infinities         | 1; Infinity; -Infinity; 3",
            "one point a round  | 1; 2; 3; 4; 5; 6"})
    void rowAndIndexesAgreeAfterEveryRound(String name, String rounds) throws Exception {
        List<Double> all = new ArrayList<>();
        long step = 0;
        for (String round : rounds.split(";")) {
            MetricColumns m = new MetricColumns(run, "m");
            for (String v : round.trim().split(" ")) {
                double d = Double.parseDouble(v);
                m.add(d, 1000 + step, step++);
                all.add(d);
            }
            assertEquals(List.of(), store.logRound(List.of(), List.of(), List.of(m), List.of(), false));
            MetricSummary expected = expected(all);
            MetricSummary got = store.getRun(run).orElseThrow().data().metrics().get("m");
            assertEquals(expected.count(), got.count(), name);
            assertEquals(expected.latest(), got.latest(), 0.0, name);
            assertEquals(expected.min(), got.min(), 0.0, name); // SQLite keeps -0.0 as 0.0
            assertEquals(expected.max(), got.max(), 0.0, name);
            assertEquals("ok", integrity(), name);
            assertFound(expected, name);
        }
    }

    private static MetricSummary expected(List<Double> values) {
        MetricSummary s = null;
        for (int i = 0; i < values.size(); i++) {
            Metric p = new Metric("m", values.get(i), 1000 + i, i);
            s = s == null ? MetricSummary.of(p) : s.plus(p);
        }
        return s;
    }

    /** Searches answered from the (key, min/max/latest) indexes find the run at its current values, not old ones. */
    private void assertFound(MetricSummary s, String name) {
        if (!Double.isNaN(s.min()) && Double.isFinite(s.min())) {
            assertEquals(1, count("MIN(metrics.m) = " + s.min()), name + ": min");
            assertEquals(0, count("MIN(metrics.m) < " + s.min()), name + ": no older min");
        }
        if (!Double.isNaN(s.max()) && Double.isFinite(s.max())) {
            assertEquals(1, count("MAX(metrics.m) = " + s.max()), name + ": max");
            assertEquals(0, count("MAX(metrics.m) > " + s.max()), name + ": no older max");
        }
        if (!Double.isNaN(s.latest()) && Double.isFinite(s.latest())) {
            assertEquals(1, count("metrics.m = " + s.latest()), name + ": latest");
        }
    }

    private long count(String filter) {
        return store.searchRuns(SearchRequest.builder().experiments("0").filter(filter).build()).runs().size();
    }

    private String integrity() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
