package io.jruns.cli;

import io.jruns.domain.Metric;
import io.jruns.json.RestJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricHistoryCommandTest {
    @TempDir
    Path home;
    Cli cli;
    Seed seed;

    @BeforeEach
    void seed() {
        cli = new Cli(home);
        seed = Seed.into(cli);
    }

    @Test
    void tableListsEveryPointInOrder() {
        Cli.Result r = cli.run("runs", "metric-history", seed.small, "loss");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of(List.of("step", "timestamp", "value"),
                List.of("0", "2024-03-01 10:15:31.000", "0.9"),
                List.of("1", "2024-03-01 10:15:32.000", "0.5"),
                List.of("2", "2024-03-01 10:15:33.000", "0.25")), Tables.cells(r.out()));
    }

    @Test
    void csvIsExactWithEpochMillis() {
        Cli.Result r = cli.run("runs", "metric-history", seed.small, "odd", "--format", "csv");
        assertEquals(List.of("step,timestamp,value", "0," + (Seed.T0 + 3000) + ",NaN",
                "1," + (Seed.T0 + 3001) + ",Infinity"), r.lines());
    }

    /** The two CSV writers agree: a value is the same cell here as in runs search --format csv. */
    @Test
    void csvValuesAreTheCellsOfTheRunsCsv() {
        try (io.jruns.store.Store store = cli.openStore()) {
            // 2e23 is where JDK 17's Double.toString is not shortest (1.9999999999999998E23)
            store.logBatch(new io.jruns.domain.LogBatch(seed.bert, List.of(new Metric("edge", 2e23, Seed.T0, 0),
                    new Metric("edge", Double.NEGATIVE_INFINITY, Seed.T0 + 1, 1)), List.of(), List.of()));
        }
        Cli.Result history = cli.run("runs", "metric-history", seed.bert, "edge", "--format", "csv");
        assertEquals(List.of("step,timestamp,value", "0," + Seed.T0 + ",2.0E23", "1," + (Seed.T0 + 1) + ",-Infinity"),
                history.lines());
        Cli.Result runs = cli.run("runs", "search", "--experiment", "nlp", "--format", "csv");
        assertTrue(runs.out().contains(",-Infinity\r\n"), runs.out());
    }

    @Test
    void jsonIsMlflowsGetHistoryAnswer() {
        Cli.Result r = cli.run("runs", "metric-history", seed.small, "odd", "--format", "json");
        List<Metric> points = RestJson.readMetricHistory(r.out());
        assertEquals(List.of(new Metric("odd", Double.NaN, Seed.T0 + 3000, 0),
                new Metric("odd", Double.POSITIVE_INFINITY, Seed.T0 + 3001, 1)), points);
        assertTrue(r.out().contains("\"value\": \"NaN\""), r.out());
    }

    @Test
    void anUnknownKeyNamesTheRunsMetrics() {
        Cli.Result r = cli.run("runs", "metric-history", seed.small, "los");
        assertEquals(1, r.code());
        assertEquals("jruns: run '" + seed.small + "' has no metric 'los' (its metrics: acc, loss, odd)", r.error());
        Cli.Result none = cli.run("runs", "metric-history", seed.bert, "loss");
        assertEquals("jruns: run '" + seed.bert + "' has no metric 'loss' (it has no metrics)", none.error());
    }

    @Test
    void anUnknownRunFails() {
        Cli.Result r = cli.run("runs", "metric-history", "nope", "loss");
        assertEquals(1, r.code());
        assertTrue(r.error().startsWith("jruns: no run 'nope' (by run id, id prefix or run name in experiments "), r.error());
    }

    @Test
    void usageErrors() {
        Cli.Result r = cli.run("runs", "metric-history", seed.small);
        assertEquals(2, r.code());
        assertEquals("jruns: runs metric-history: missing KEY (usage: jruns runs metric-history RUN KEY [OPTIONS])", r.error());
        assertEquals(2, cli.run("runs", "metric-history", seed.small, "loss", "--format", "yaml").code());
    }

    @Test
    void aKeyStartingWithADashFollowsDoubleDash() {
        Cli.Result r = cli.run("runs", "metric-history", seed.small, "--", "-x");
        assertEquals(1, r.code());
        assertTrue(r.error().contains("has no metric '-x'"), r.error());
    }
}
