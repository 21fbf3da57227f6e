package io.jruns.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.domain.Run;
import io.jruns.json.RestJson;
import io.jruns.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunsGetCommandTest {
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
    void tableShowsDetailsParamsMetricsAndTags() {
        Cli.Result r = cli.run("runs", "get", seed.small);
        assertEquals(0, r.code(), r.toString());
        String[] sections = r.out().split("\n\n");
        assertEquals(4, sections.length, r.out());
        List<List<String>> details = Tables.cells(sections[0]);
        assertEquals(List.of("run_id", seed.small), details.get(0));
        assertTrue(details.contains(List.of("experiment", seed.visionId + " (vision)")), details.toString());
        assertTrue(details.contains(List.of("status", "FINISHED")));
        assertTrue(details.contains(List.of("start", "2024-03-01 10:15:30")));
        assertTrue(details.contains(List.of("end", "2024-03-01 10:16:35")));
        assertTrue(details.contains(List.of("duration", "1m 05s")));
        assertTrue(details.contains(List.of("note", "first try\\nwith two lines")), "line breaks shown escaped");
        assertFalse(details.stream().anyMatch(row -> row.get(0).equals("children")), "no nested runs: no line");

        assertEquals(List.of(List.of("Params"), List.of("key", "value"), List.of("layers", "3"), List.of("lr", "0.01")),
                Tables.cells(sections[1]));
        assertEquals(List.of(List.of("Metrics"), List.of("key", "latest", "step", "min", "max", "points"),
                List.of("acc", "0.8125", "2", "0.8125", "0.8125", "1"),
                List.of("loss", "0.25", "2", "0.25", "0.9", "3"),
                List.of("odd", "Infinity", "1", "Infinity", "Infinity", "2")), Tables.cells(sections[2]));
        List<List<String>> tags = Tables.cells(sections[3]);
        assertTrue(tags.contains(List.of("stage", "dev")), tags.toString());
        assertTrue(tags.contains(List.of("mlflow.runName", "cnn-small")), tags.toString());
    }

    @Test
    void aRunIsAnIdAPrefixOrANameAndASharedNameMeansTheNewest() {
        Cli.Result byPrefix = cli.run("runs", "get", seed.small.substring(0, 8));
        assertEquals(0, byPrefix.code(), byPrefix.toString());
        assertTrue(byPrefix.out().contains(seed.small), byPrefix.out());
        Cli.Result byName = cli.run("runs", "get", "cnn-small", "--format", "json");
        assertEquals(0, byName.code(), byName.toString());
        assertTrue(byName.out().contains(seed.small), byName.out());
        String copy;
        try (Store store = cli.openStore()) {
            copy = store.createRun(seed.visionId, null, Seed.T0 + 86_400_000L, "cnn-small", List.of()).runId();
        }
        Cli.Result shared = cli.run("runs", "get", "cnn-small", "--experiment", "vision");
        assertEquals(0, shared.code(), shared.toString());
        assertTrue(shared.out().contains(copy), shared.out());
        assertEquals("jruns: note: 2 runs are named 'cnn-small'; using the newest, " + copy
                + " (give its id to choose another)", shared.err().strip());
        Cli.Result history = cli.run("runs", "metric-history", seed.small.substring(0, 8), "loss");
        assertEquals(0, history.code(), history.toString());
        Cli.Result tag = cli.run("runs", "tag", "cnn-small", "x=1", "--experiment", "vision");
        assertEquals(1, tag.code(), "changing a run stays strict: " + tag);
        assertTrue(tag.err().contains("ambiguous"), tag.err());
    }

    @Test
    void aRunningRunHasNoEndAndEmptySectionsSaySo() {
        try (Store store = cli.openStore()) {
            String bare = store.createRun(seed.nlpId, null, Seed.T0, "bare", List.of()).runId();
            Cli.Result r = cli.run("runs", "get", bare);
            assertTrue(r.out().contains("\nend           -\n"), r.out());
            assertTrue(r.out().contains("Params\n(none)\n"), r.out());
            assertTrue(r.out().contains("Metrics\n(none)\n"), r.out());
        }
    }

    @Test
    void jsonIsMlflowsRunsGetAnswer() {
        Cli.Result r = cli.run("runs", "get", seed.big, "--format", "json");
        assertEquals(0, r.code(), r.toString());
        JsonNode root = RestJson.parse(r.out());
        JsonNode info = root.get("run").get("info");
        assertEquals(seed.big, info.get("run_id").asText());
        assertEquals(seed.big, info.get("run_uuid").asText());
        assertEquals(seed.visionId, info.get("experiment_id").textValue(), "ids are JSON strings");
        assertEquals("RUNNING", info.get("status").asText());
        assertFalse(info.has("end_time"), "no end_time while running");
        assertEquals(Seed.T0 + 100_000, info.get("start_time").longValue());
        try (Store store = cli.openStore()) {
            Run stored = store.getRun(seed.big).orElseThrow();
            Run read = RestJson.readRun(r.out());
            assertEquals(stored.info(), read.info());
            assertEquals(stored.data().params(), read.data().params());
            assertEquals(stored.data().tags(), read.data().tags());
        }
    }

    @Test
    void nanTravelsAsAString() {
        Cli.Result r = cli.run("runs", "get", seed.small, "--format=json");
        JsonNode metrics = RestJson.parse(r.out()).get("run").get("data").get("metrics");
        assertEquals(List.of("acc", "loss", "odd"), metrics.findValuesAsText("key"));
        assertEquals("Infinity", metrics.get(2).get("value").textValue());
        assertEquals(1, metrics.get(2).get("step").longValue());
    }

    @Test
    void anUnknownRunFailsWithOneLine() {
        Cli.Result r = cli.run("runs", "get", "0123456789abcdef0123456789abcdef");
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertEquals("jruns: no run '0123456789abcdef0123456789abcdef' (by run id, id prefix or run name in experiments "
                + "'Default', 'vision', 'nlp')", r.error());
    }

    @Test
    void usageErrors() {
        assertEquals("jruns: runs get: missing RUN (usage: jruns runs get RUN [--experiment NAME_OR_ID] [--format table|json])",
                cli.run("runs", "get").error());
        assertEquals(2, cli.run("runs", "get", seed.big, seed.small).code());
        Cli.Result csv = cli.run("runs", "get", seed.big, "--format", "csv");
        assertEquals(2, csv.code());
        assertEquals("jruns: runs get: --format must be one of table, json, got 'csv'", csv.error());
    }

    @Test
    void aParentSaysHowManyRunsAreNestedUnderIt() {
        try (io.jruns.store.Store store = cli.openStore()) {
            for (int c = 0; c < 3; c++) {
                store.createRun(seed.visionId, "alice", Seed.T0 + 300_000 + c, "nested " + c,
                        List.of(new io.jruns.domain.RunTag(io.jruns.domain.SystemTags.PARENT_RUN_ID, seed.small)));
            }
        }
        Cli.Result r = cli.run("runs", "get", seed.small);
        List<List<String>> details = Tables.cells(r.out().split("\n\n")[0]);
        assertTrue(details.contains(List.of("children", "3")), details.toString());
    }
}
