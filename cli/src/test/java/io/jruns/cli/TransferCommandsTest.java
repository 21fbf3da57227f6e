package io.jruns.cli;

import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.ViewType;
import io.jruns.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jruns export, import and copy on real embedded stores. */
class TransferCommandsTest {
    @TempDir
    Path dir;

    /** run name -> "params|tags without jruns.source.*|loss history" of every run. */
    private static Map<String, String> contents(Store s) {
        Map<String, String> out = new TreeMap<>();
        for (var e : s.listExperiments(ViewType.ALL)) {
            for (Run r : s.listRuns(List.of(e.experimentId()), ViewType.ALL, 1000)) {
                Map<String, String> tags = new TreeMap<>(r.data().tags());
                tags.keySet().removeIf(k -> k.startsWith("jruns.source."));
                out.put(e.name() + "/" + r.info().runName(), r.data().params() + "|" + tags + "|"
                        + s.getMetricHistory(r.runId(), "loss").stream().map(Metric::value).toList() + "|"
                        + r.info().status() + "|" + r.info().lifecycleStage());
            }
        }
        return out;
    }

    /** A run "r" in a new experiment of {@code cli}'s store; {@code more} logs to it before the store closes. */
    private static String newRun(Cli cli, String experiment, java.util.function.BiConsumer<Store, String> more) {
        try (Store s = cli.openStore()) {
            String run = s.createRun(s.createExperiment(experiment, null, Map.of()), "alice", 1, "r", List.of()).runId();
            more.accept(s, run);
            return run;
        }
    }

    @Test
    void exportImportAndCopyBetweenFolders() throws Exception {
        Cli a = new Cli(dir.resolve("a"));
        Map<String, String> original;
        try (Store s = a.openStore()) {
            new Seed(s);
            original = contents(s);
        }
        Cli.Result export = a.run("export", "--experiment", "vision", "--experiment", "nlp", "--to", dir.resolve("out").toString());
        assertEquals(0, export.code(), export.toString());
        assertTrue(export.out().startsWith("Exported 3 runs"), export.out());
        assertTrue(export.err().contains("export: 3/3 runs exported"), export.err());
        assertTrue(Files.isDirectory(dir.resolve("out")));

        Cli b = new Cli(dir.resolve("b"));
        Cli.Result imported = b.run("import", dir.resolve("out").toString());
        assertEquals(0, imported.code(), imported.toString());
        assertTrue(imported.out().startsWith("Imported 3 runs"), imported.out());
        try (Store s = b.openStore()) {
            assertEquals(original, contents(s));
        }

        Cli.Result copy = a.run("copy", "--from", dir.resolve("a").toString(), "--to", dir.resolve("c").toString(),
                "--filter", "params.lr = '0.01'");
        assertEquals(0, copy.code(), copy.toString());
        assertTrue(copy.out().startsWith("Copied 1 run (6 metric points, 0 artifact files) in "), copy.out());
        Cli.Result again = a.run("copy", "--from", dir.resolve("a").toString(), "--to", dir.resolve("c").toString());
        assertTrue(again.out().startsWith("Copied 2 runs") && again.out().contains("1 already there"), again.out());
        assertTrue(again.err().contains("copy: 3/3 runs done (2 copied, 1 already there)"), "progress says what it did: " + again.err());
        assertTrue(copy.err().contains("copy: 1/1 runs copied"), copy.err());
        try (Store s = new Cli(dir.resolve("c")).openStore()) {
            assertEquals(original.keySet(), contents(s).keySet());
        }
    }

    @Test
    void missingOptionsAndFoldersAreOneLineErrors() {
        Cli a = new Cli(dir.resolve("a"));
        Cli.Result r = a.run("export");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.error().contains("export: --to is required"), r.error());
        Cli.Result copy = a.run("copy", "--from", dir.toString());
        assertTrue(copy.error().contains("copy: --to is required"), copy.error());
        Cli.Result imp = a.run("import", dir.resolve("nope").toString());
        assertEquals(1, imp.code(), imp.toString());
        assertTrue(imp.error().contains("no folder at"), imp.error());
        Cli.Result exp = a.run("export", "--experiment", "ghost", "--to", dir.resolve("o").toString());
        assertTrue(exp.error().contains("experiment 'ghost' does not exist"), exp.error());
    }

    @Test
    void exportToAFileOrIntoAnEarlierExportIsAClearErrorUnlessForced() throws Exception {
        Cli a = new Cli(dir.resolve("a"));
        try (Store s = a.openStore()) {
            new Seed(s);
        }
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        Cli.Result toFile = a.run("export", "--to", file.toString());
        assertEquals(1, toFile.code(), toFile.toString());
        assertEquals("jruns: export: --to " + file + " is a file; give a new or empty folder", toFile.error());
        Cli.Result throughFile = a.run("export", "--to", file.resolve("sub").toString());
        assertEquals(1, throughFile.code(), throughFile.toString());
        assertTrue(throughFile.error().contains(file + " is a file"), throughFile.error());
        assertEquals("mine", Files.readString(file), "the file is untouched");

        Path out = dir.resolve("out");
        Cli.Result first = a.run("export", "--experiment", "nlp", "--to", out.toString());
        assertEquals(0, first.code(), first.toString());
        Cli.Result again = a.run("export", "--experiment", "vision", "--to", out.toString());
        assertEquals(1, again.code(), again.toString());
        assertTrue(again.error().startsWith("jruns: export: " + out + " already holds an export (1 experiment); add --force"),
                again.error());
        Cli.Result forced = a.run("export", "--experiment", "vision", "--to", out.toString(), "--force");
        assertEquals(0, forced.code(), forced.toString());
        Cli b = new Cli(dir.resolve("b"));
        assertEquals(0, b.run("import", out.toString()).code());
        try (Store s = b.openStore()) {
            assertEquals(List.of("Default", "nlp", "vision"), s.listExperiments(ViewType.ALL).stream()
                    .map(e -> e.name()).sorted().toList(), "--force merged the second export into the first");
        }

        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("README"), "x");
        Cli.Result notEmpty = a.run("export", "--to", other.toString());
        assertEquals(1, notEmpty.code(), notEmpty.toString());
        assertTrue(notEmpty.error().contains(other + " is not empty; give a new or empty folder, or add --force"), notEmpty.error());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(0, a.run("export", "--to", empty.toString()).code(), "an empty folder is fine");
    }

    @Test
    void anImportLeavesOutArtifactLinksThatLeadOutOfTheirRun() throws Exception {
        Cli a = new Cli(dir.resolve("a"));
        Path model = Files.writeString(dir.resolve("model.txt"), "weights");
        String run = newRun(a, "links", (s, id) -> s.logArtifact(id, model, ""));
        Path out = dir.resolve("out");
        assertEquals(0, a.run("export", "--to", out.toString()).code());
        Path artifacts;
        try (var found = Files.walk(out)) {
            artifacts = found.filter(p -> p.endsWith("model.txt")).findFirst().orElseThrow().getParent();
        }
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("key.txt"), "SECRET");
        Files.createSymbolicLink(artifacts.resolve("leak.txt"), secrets.resolve("key.txt"));
        Files.createSymbolicLink(artifacts.resolve("leakdir"), secrets);
        Files.createSymbolicLink(artifacts.resolve("inside.txt"), artifacts.resolve("model.txt"));

        Cli b = new Cli(dir.resolve("b"));
        Cli.Result imported = b.run("import", out.toString());
        assertEquals(0, imported.code(), imported.toString());
        assertTrue(imported.out().contains("2 artifact files)"), imported.out());
        assertTrue(imported.out().contains("; left out: artifact link " + run + "/artifacts/leak"), imported.out());
        assertTrue(imported.out().contains(", which leads out of its run; artifact link " + run + "/artifacts/leak"), imported.out());
        try (var all = Files.walk(dir.resolve("b"))) {
            List<String> names = all.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.contains("model.txt") && names.contains("inside.txt"), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("leak") || n.equals("key.txt")), names.toString());
        }
    }

    @Test
    void aFolderThatIsNotAnMlflowStoreIsNotImported() throws Exception {
        Path other = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(other.resolve("cat.jpg"), "meow");
        Cli.Result r = new Cli(dir.resolve("b")).run("import", other.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.error().contains(other + " is not in MLflow's file-store layout"), r.error());
    }

    @Test
    void aRunCopiedWhileItRanIsCopiedAgainAsItIsNow() throws Exception {
        Cli a = new Cli(dir.resolve("a"));
        String running;
        try (Store s = a.openStore()) {
            String exp = s.createExperiment("live", null, Map.of());
            running = s.createRun(exp, "alice", 1, "training", List.of()).runId();
            s.logBatch(new io.jruns.domain.LogBatch(running, List.of(new Metric("loss", 0.9, 2, 0)), List.of(), List.of()));
            String done = s.createRun(exp, "alice", 1, "done", List.of()).runId();
            s.updateRun(done, RunStatus.FINISHED, 3L, null);
        }
        Path out = dir.resolve("out");
        Cli b = new Cli(dir.resolve("b"));
        assertEquals(0, a.run("export", "--to", out.toString()).code());
        assertTrue(b.run("import", out.toString()).out().startsWith("Imported 2 runs"));
        try (Store s = a.openStore()) {
            s.logBatch(new io.jruns.domain.LogBatch(running, List.of(new Metric("loss", 0.5, 4, 1)), List.of(), List.of()));
            s.updateRun(running, RunStatus.FINISHED, 5L, null);
        }
        assertEquals(0, a.run("export", "--to", out.toString(), "--force").code());
        Cli.Result again = b.run("import", out.toString());
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().startsWith("Imported 1 run (2 metric points"), again.out());
        assertTrue(again.out().contains("; 1 of them copied again, their earlier copy made while they ran; 1 already there"),
                again.out());
        try (Store s = b.openStore()) {
            List<Run> copies = s.listRuns(List.of(s.getExperimentByName("live").orElseThrow().experimentId()),
                    ViewType.ACTIVE_ONLY, 10);
            Run training = copies.stream().filter(r -> r.info().runName().equals("training")).findFirst().orElseThrow();
            assertEquals(2, copies.size(), "the earlier copy is deleted");
            assertEquals(RunStatus.FINISHED, training.info().status());
            assertEquals(List.of(0.9, 0.5), s.getMetricHistory(training.runId(), "loss").stream().map(Metric::value).toList());
        }
        assertTrue(b.run("import", out.toString()).out().contains("2 already there, skipped"), "and only once");
    }

    @Test
    void anImportSaysWhichRunsHadDatasetInputsItLeftOut() throws Exception {
        Cli a = new Cli(dir.resolve("a"));
        String run = newRun(a, "data", (s, id) -> { });
        Path out = dir.resolve("out");
        assertEquals(0, a.run("export", "--to", out.toString()).code());
        Path runDir;
        try (var found = Files.walk(out)) {
            runDir = found.filter(p -> p.getFileName().toString().equals(run)).findFirst().orElseThrow();
        }
        // as MLflow's file store keeps a logged dataset
        Files.writeString(Files.createDirectories(runDir.resolve("inputs/9f2c")).resolve("meta.yaml"), "source_type: DATASET\n");
        Cli.Result imported = new Cli(dir.resolve("b")).run("import", out.toString());
        assertEquals(0, imported.code(), imported.toString());
        assertTrue(imported.out().contains("; left out: run " + run + "'s 1 dataset input (MLflow's, which jruns does not keep)"),
                imported.out());
    }

    @Test
    void runsDeletedTogetherAreRestoredTogetherAfterAnImport() throws Exception {
        Cli a = new Cli(dir.resolve("a"));
        try (Store s = a.openStore()) {
            String exp = s.createExperiment("sweep", null, Map.of());
            String parent = s.createRun(exp, "alice", 1, "parent", List.of()).runId();
            s.createRun(exp, "alice", 2, "child", List.of(new io.jruns.domain.RunTag(
                    io.jruns.domain.SystemTags.PARENT_RUN_ID, parent)));
            s.createRun(exp, "alice", 3, "alone", List.of());
        }
        assertEquals("Deleted 2 runs.\n", a.run("runs", "delete", "parent").out());
        Thread.sleep(5); // another call, another millisecond
        assertEquals("Deleted 1 run.\n", a.run("runs", "delete", "alone").out());
        Path out = dir.resolve("out");
        assertEquals(0, a.run("export", "--to", out.toString()).code());
        Cli b = new Cli(dir.resolve("b"));
        assertEquals(0, b.run("import", out.toString()).code());
        Cli.Result restored = b.run("runs", "restore", "parent");
        assertEquals("Restored 2 runs.\n", restored.out(), "the child went with it at the source: " + restored);
        try (Store s = b.openStore()) {
            String exp = s.getExperimentByName("sweep").orElseThrow().experimentId();
            assertEquals(List.of("alone"), s.listRuns(List.of(exp), ViewType.DELETED_ONLY, 10).stream()
                    .map(r -> r.info().runName()).toList());
        }
    }

    @Test
    void keysThatWouldBeAFileAndAFolderAreRefusedBeforeAnythingIsWritten() throws Exception {
        Cli a = new Cli(dir.resolve("a"));
        String run = newRun(a, "keys", (s, id) -> s.logBatch(new io.jruns.domain.LogBatch(id,
                List.of(new Metric("loss", 1, 1, 0), new Metric("loss/val", 2, 1, 0)), List.of(), List.of())));
        Path out = dir.resolve("out");
        Cli.Result r = a.run("export", "--to", out.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.error().contains("run " + run + " has metrics 'loss' and 'loss/val', which MLflow's folder layout"),
                r.error());
        assertTrue(!Files.exists(out) || Files.list(out).findAny().isEmpty(), "nothing written");
    }

    @Test
    void aKeyLongerThanAFileNameCanBeIsRefusedBeforeAnythingIsWritten() throws Exception {
        Cli a = new Cli(dir.resolve("a"));
        String key = "\u03bb".repeat(250); // MLflow's 250 characters, 500 bytes: no file system takes it
        String run = newRun(a, "long", (s, id) -> s.logBatch(new io.jruns.domain.LogBatch(id,
                List.of(new Metric(key, 1, 1, 0)), List.of(), List.of())));
        Path out = dir.resolve("out");
        Cli.Result r = a.run("export", "--to", out.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.error().contains("run " + run + " has a metric named '" + "\u03bb".repeat(20) + "\u2026' (500 bytes in UTF-8),"
                + " longer than a file name can be (255 bytes)"), r.error());
        assertTrue(r.error().length() < 400, "one short line, not the path: " + r.error());
        assertTrue(!Files.exists(out) || Files.list(out).findAny().isEmpty(), "nothing written");
    }
}
