package io.jruns.cli;

import io.jruns.domain.Run;
import io.jruns.json.RestJson;
import io.jruns.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunsSearchCommandTest {
    @TempDir
    Path home;
    Cli cli;
    Seed seed;

    @BeforeEach
    void seed() {
        cli = new Cli(home);
        seed = Seed.into(cli);
    }

    private List<String> ids(Cli.Result r) {
        return Tables.cells(r.out()).stream().skip(1).map(row -> row.get(0)).toList();
    }

    @Test
    void filterOrderAndExperiments() {
        Cli.Result r = cli.run("runs", "search", "--filter", "metrics.loss < 1", "--order-by", "metrics.loss");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of(seed.small, seed.big), ids(r));
        assertEquals(List.of(seed.bert, seed.big, seed.small), ids(cli.run("runs", "search")));
        Cli.Result two = cli.run("runs", "search", "--experiment", "nlp", "--experiment", seed.visionId,
                "--filter", "params.lr = '0.1' OR params.heads = '12'");
        assertEquals(List.of(seed.bert, seed.big), ids(two));
        assertEquals("experiment", Tables.cells(two.out()).get(0).get(2));
    }

    @Test
    void theColumnsTheSearchNamesAreShown() {
        try (Store store = cli.openStore()) {
            store.logBatch(new io.jruns.domain.LogBatch(seed.small, List.of(new io.jruns.domain.Metric("a1", 1, 1, 0),
                    new io.jruns.domain.Metric("a2", 1, 1, 0), new io.jruns.domain.Metric("a3", 1, 1, 0)), List.of(), List.of()));
        }
        List<String> plain = Tables.cells(cli.run("runs", "search", "--experiment", "vision").out()).get(0);
        assertFalse(plain.contains("metrics.odd"), "three metric columns, the commonest: " + plain);
        Cli.Result sorted = cli.run("runs", "search", "--experiment", "vision", "--order-by", "metrics.odd DESC",
                "--filter", "params.layers = '3'");
        List<String> header = Tables.cells(sorted.out()).get(0);
        assertTrue(header.contains("metrics.odd") && header.contains("params.layers"), "sorted by odd, filtered on layers: " + header);
        assertEquals(header.indexOf("metrics.odd"), header.stream().filter(h -> h.startsWith("metrics.")).findFirst()
                .map(header::indexOf).orElseThrow(), "the named key first: " + header);
    }

    @Test
    void stateChoosesDeletedRuns() {
        try (Store store = cli.openStore()) {
            store.deleteRun(seed.big);
        }
        assertEquals(List.of(seed.big), ids(cli.run("runs", "search", "--state", "deleted")));
        assertEquals(3, ids(cli.run("runs", "search", "--state", "ALL")).size());
    }

    @Test
    void csvToStdout() {
        Cli.Result r = cli.run("runs", "search", "--experiment", "vision", "--format", "csv", "--order-by", "start_time");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("Run ID,Name,Source Type,Source Name,User,Status,layers,lr,acc,loss,odd",
                seed.small + ",cnn-small,,,alice,FINISHED,3,0.01,0.8125,0.25,Infinity",
                seed.big + ",cnn-big,,,alice,RUNNING,,0.1,,0.75,"), List.of(r.out().split("\r\n")));
    }

    @Test
    void jsonIsMlflowsSearchAnswerWithThePageToken() {
        Cli.Result r = cli.run("runs", "search", "--max", "1", "--format", "json");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of(seed.bert), RestJson.readRuns(r.out()).stream().map(Run::runId).toList());
        assertTrue(RestJson.parse(r.out()).path("next_page_token").isTextual(), r.out());
        assertEquals("jruns: the first 1 runs; --max N gives more", r.err().strip(), "said where a person reads it");
    }

    @Test
    void aFilterErrorShowsACaretUnderTheProblem() {
        Cli.Result r = cli.run("runs", "search", "--filter", "metrics.acc LIKE 'a%'");
        assertEquals(2, r.code());
        assertEquals(List.of(
                "jruns: LIKE is not defined for metrics (use =, !=, <, <=, > or >=) (column 13)",
                "  metrics.acc LIKE 'a%'",
                "              ^"), r.err().lines().toList());
        Cli.Result order = cli.run("runs", "search", "--order-by", "metrics.loss DESCENDING");
        assertEquals(2, order.code());
        assertTrue(order.err().lines().findFirst().orElseThrow().endsWith("(column 14)"), order.err());
    }

    @Test
    void createdKeepsTheRunsStartedSinceThenWithTheFilter() {
        assertEquals(List.of(seed.bert, seed.big), ids(cli.run("runs", "search", "--created", String.valueOf(Seed.T0 + 100_000))),
                "started at or after the time");
        assertEquals(List.of(seed.big), ids(cli.run("runs", "search", "--created", String.valueOf(Seed.T0 + 1),
                "--filter", "metrics.loss < 1 OR params.x = 'y'")), "ANDed with the whole filter, its OR inside");
        assertEquals(List.of(), ids(cli.run("runs", "search", "--created", "1d")), "an age counts back from now");
        Cli.Result bad = cli.run("runs", "search", "--created", "1d", "--filter", "metrics.acc LIKE 'a%'");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("jruns: LIKE is not defined for metrics (use =, !=, <, <=, > or >=) (column 13)"),
                "the error points into the filter as typed: " + bad.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--state gone         | runs search: --state must be active, deleted or all, got 'gone'",
            "--max 0              | runs search: --max needs a positive integer, got '0'",
            "--max 60000          | runs search: --max is at most 50,000 for table and json (csv has no limit), got 60000",
            "--format xml         | runs search: --format must be one of table, csv, json, got 'xml'",
            "--filter             | runs search: --filter needs a value (FILTER)",
            "extra                | runs search: unexpected argument 'extra'",
            "--order-by metrics.rmse DESC | runs search: unexpected argument 'DESC'; quote the order: --order-by 'metrics.rmse DESC'",
            "--order-by start_time asc --max 5 | runs search: unexpected argument 'asc'; quote the order: --order-by 'start_time asc'",
            "--created soon       | runs search: --created takes epoch milliseconds, a date (2026-11-01), a date-time (2026-11-01T09:30) or an age (30d, 12h, 90m), not 'soon'"})
    void badUsage(String args, String message) {
        List<String> argv = new ArrayList<>(List.of("runs", "search"));
        argv.addAll(List.of(args.split(" ")));
        Cli.Result r = cli.run(argv.toArray(String[]::new));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.error().startsWith("jruns: " + message), r.error());
    }

    @Test
    void anUnknownExperimentIsOneLine() {
        Cli.Result r = cli.run("runs", "search", "--experiment", "audio");
        assertEquals(1, r.code());
        assertTrue(r.error().startsWith("jruns: experiment 'audio' does not exist"), r.error());
    }
}
