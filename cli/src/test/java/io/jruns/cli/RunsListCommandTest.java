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
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunsListCommandTest {
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
    void oneExperimentNewestFirstWithTheCommonestParamsAndMetrics() {
        Cli.Result r = cli.run("runs", "list", "--experiment", "vision");
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.err());
        assertEquals(List.of(
                List.of("run_id", "name", "status", "start", "duration", "params.lr", "params.layers",
                        "metrics.loss", "metrics.acc", "metrics.odd"),
                List.of(seed.big, "cnn-big", "RUNNING", "2024-03-01 10:17:10", "-", "0.1", "-", "0.75", "-", "-"),
                List.of(seed.small, "cnn-small", "FINISHED", "2024-03-01 10:15:30", "1m 05s", "0.01", "3",
                        "0.25", "0.8125", "Infinity")),
                Tables.cells(r.out()));
    }

    @Test
    void experimentById() {
        Cli.Result byId = cli.run("runs", "list", "--experiment", seed.visionId);
        assertEquals(cli.run("runs", "list", "--experiment", "vision").out(), byId.out());
    }

    @Test
    void everyExperimentWhenNoneIsNamed() {
        Cli.Result r = cli.run("runs", "list");
        assertEquals(0, r.code(), r.toString());
        List<List<String>> rows = Tables.cells(r.out());
        assertEquals(List.of("run_id", "name", "experiment", "status", "start", "duration"), rows.get(0).subList(0, 6));
        assertEquals(List.of(seed.bert, seed.big, seed.small), rows.subList(1, 4).stream().map(x -> x.get(0)).toList());
        assertEquals(List.of("bert", "nlp", "FAILED", "2024-03-01 10:18:50", "850ms"), rows.get(1).subList(1, 6));
    }

    @Test
    void startTimesAreLocalToTheZone() {
        Cli.Result r = cli.zone(ZoneId.of("Asia/Kolkata")).run("runs", "list", "--experiment", "nlp");
        assertEquals("2024-03-01 15:48:50", Tables.cells(r.out()).get(1).get(3));
    }

    @Test
    void maxLimitsTheRowsAndSaysThereAreMore() {
        Cli.Result r = cli.run("runs", "list", "--max", "2");
        assertEquals(0, r.code());
        assertEquals(3, r.lines().size(), r.out());
        assertEquals("jruns: showing the newest 2 runs; --max N shows more", r.error());
        assertEquals("", cli.run("runs", "list", "--max=3").err());
    }

    @Test
    void deletedRunsAreNotListed() {
        try (Store store = cli.openStore()) {
            store.deleteRun(seed.big);
        }
        Cli.Result r = cli.run("runs", "list", "--experiment", "vision");
        assertEquals(List.of(seed.small), Tables.cells(r.out()).subList(1, 2).stream().map(x -> x.get(0)).toList());
        assertEquals(2, r.lines().size());
    }

    @Test
    void jsonIsMlflowsSearchAnswer() {
        Cli.Result r = cli.run("runs", "list", "--experiment", "vision", "--format", "json");
        assertEquals(0, r.code(), r.toString());
        List<Run> runs = RestJson.readRuns(r.out());
        assertEquals(List.of(seed.big, seed.small), runs.stream().map(Run::runId).toList());
        Run small = runs.get(1);
        assertEquals(0.25, small.metric("loss").orElseThrow());
        assertEquals(Double.POSITIVE_INFINITY, small.metric("odd").orElseThrow());
        assertEquals("3", small.data().params().get("layers"));
        assertTrue(r.out().startsWith("{\n  \"runs\": [\n"), r.out());
    }

    @Test
    void anEmptyExperimentPrintsNothingAndSaysSo() {
        try (Store store = cli.openStore()) {
            store.createExperiment("empty", null, java.util.Map.of());
        }
        Cli.Result r = cli.run("runs", "list", "--experiment", "empty");
        assertEquals(0, r.code());
        assertEquals("", r.out());
        assertEquals("No runs in experiment 'empty'.", r.error());
    }

    @Test
    void anUnknownExperimentFails() {
        Cli.Result r = cli.run("runs", "list", "--experiment", "audio");
        assertEquals(1, r.code());
        assertTrue(r.error().startsWith("jruns: experiment 'audio' does not exist (by name or id) in embedded store "),
                r.error());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--max 0             | runs list: --max needs a positive integer, got '0'",
            "--max -3            | runs list: --max needs a positive integer, got '-3'",
            "--max ten           | runs list: --max needs a positive integer, got 'ten'",
            "--max               | runs list: --max needs a value (N)",
            "--format xml        | runs list: --format must be one of table, json, got 'xml'",
            "--experiment        | runs list: --experiment needs a value (NAME_OR_ID)",
            "--experiment a --experiment b | runs list: --experiment is given twice",
            "--sort name         | runs list: unknown option --sort (expected --experiment, --max, --columns, --format)",
            "extra               | runs list: unexpected argument 'extra'"})
    void badUsageIsExitCodeTwoAndOneLine(String args, String message) {
        List<String> argv = new java.util.ArrayList<>(List.of("runs", "list"));
        argv.addAll(List.of(args.split(" ")));
        Cli.Result r = cli.run(argv.toArray(String[]::new));
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.error().startsWith("jruns: " + message), r.error());
    }
}
