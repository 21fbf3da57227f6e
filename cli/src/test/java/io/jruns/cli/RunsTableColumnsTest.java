package io.jruns.cli;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs tables say what they leave out: deleted runs are marked, columns not shown are named. */
class RunsTableColumnsTest {
    @TempDir
    Path home;
    Cli cli;
    Seed seed;
    String wide;

    @BeforeEach
    void seed() {
        cli = new Cli(home);
        seed = Seed.into(cli);
        try (Store store = cli.openStore()) {
            String exp = store.createExperiment("wide", null, Map.of());
            wide = store.createRun(exp, "ann", Seed.T0, "wide-run", List.of()).runId();
            store.logBatch(new LogBatch(wide,
                    List.of(new Metric("a", 1, Seed.T0, 0), new Metric("b", 2, Seed.T0, 0), new Metric("c", 3, Seed.T0, 0),
                            new Metric("d", 4, Seed.T0, 0), new Metric("neg", -5, Seed.T0, 0)),
                    List.of(new Param("lr", "0.1"), new Param("p2", "x"), new Param("p3", "y"), new Param("p4", "z")), List.of()));
        }
    }

    @Test
    void aDeletedRunIsMarkedWhenSearchShowsAll() {
        try (Store store = cli.openStore()) {
            store.deleteRun(seed.big);
        }
        Cli.Result r = cli.run("runs", "search", "--state", "all", "--experiment", "vision");
        assertEquals(0, r.code(), r.toString());
        List<List<String>> rows = Tables.cells(r.out());
        assertEquals(List.of(seed.big, "cnn-big (deleted)", "RUNNING"), rows.get(1).subList(0, 3));
        assertEquals(List.of(seed.small, "cnn-small", "FINISHED"), rows.get(2).subList(0, 3));
    }

    @Test
    void columnsLeftOutAreNamedOnStderr() {
        Cli.Result r = cli.run("runs", "list", "--experiment", "wide");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("params.lr", "params.p2", "params.p3", "metrics.a", "metrics.b", "metrics.c"),
                Tables.cells(r.out()).get(0).subList(5, 11));
        assertEquals("jruns: +1 param, +2 metrics not shown (params.p4, metrics.d, metrics.neg); --columns K,... picks the columns",
                r.error());
        assertEquals("", cli.run("runs", "list", "--experiment", "vision").err(), "nothing left out, nothing said");
    }

    @Test
    void columnsChoosesTheParamsAndMetricsLikeTheRunsMagic() {
        for (String command : new String[]{"list", "search"}) {
            Cli.Result r = cli.run("runs", command, "--experiment", "wide", "--columns", "metrics.neg,params.lr,d");
            assertEquals(0, r.code(), r.toString());
            List<List<String>> rows = Tables.cells(r.out());
            assertEquals(List.of("params.lr", "metrics.neg", "metrics.d"), rows.get(0).subList(5, 8), command);
            assertEquals(List.of("0.1", "-5", "4"), rows.get(1).subList(5, 8), command);
            assertEquals("", r.err(), "the columns were chosen: nothing to report");
        }
    }

    @Test
    void anUnknownColumnIsOneLineNamingIt() {
        Cli.Result r = cli.run("runs", "list", "--experiment", "wide", "--columns", "loss,nope");
        assertEquals(1, r.code(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.error().startsWith("jruns: --columns: no run has a param or metric 'loss'"), r.error());
        assertEquals(1, r.error().lines().count(), r.error());
    }
}
