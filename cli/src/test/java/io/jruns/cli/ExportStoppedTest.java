package io.jruns.cli;

import io.jruns.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an export stopped midway leaves (a hidden .RUN.partial folder): import names it, export --force completes it. */
class ExportStoppedTest {
    @TempDir
    Path dir;

    @Test
    void importNamesTheHalfWrittenRunAndExportForceCompletesIt() throws Exception {
        Cli a = new Cli(dir.resolve("a"));
        Seed seed;
        try (Store s = a.openStore()) {
            seed = new Seed(s);
        }
        Path out = dir.resolve("out");
        assertEquals(0, a.run("export", "--to", out.toString()).code());
        Path bert;
        try (Stream<Path> all = Files.walk(out)) {
            bert = all.filter(p -> p.getFileName().toString().equals(seed.bert)).findFirst().orElseThrow();
        }
        Files.move(bert, bert.resolveSibling("." + seed.bert + ".partial")); // as a kill while writing it leaves it

        Cli b = new Cli(dir.resolve("b"));
        Cli.Result half = b.run("import", out.toString());
        assertEquals(0, half.code(), half.toString());
        assertTrue(half.out().startsWith("Imported 2 runs"), half.out());
        assertTrue(half.out().contains("left out: " + seed.nlpId + "/." + seed.bert + ".partial, a run an export was writing"
                + " when it stopped (export again with --force)"), half.out());

        assertEquals(1, a.run("export", "--to", out.toString()).code(), "an earlier export is still refused without --force");
        Cli.Result forced = a.run("export", "--to", out.toString(), "--force");
        assertEquals(0, forced.code(), forced.toString());
        Cli.Result rest = b.run("import", out.toString());
        // bert now, and cnn-big again (it was running when exported); cnn-small was imported the first time
        assertTrue(rest.out().startsWith("Imported 2 runs") && rest.out().contains("; 1 of them copied again, their earlier"
                + " copy made while they ran; 1 already there, skipped\n"), rest.out());
        try (Store s = b.openStore()) {
            assertEquals(1, s.listRuns(java.util.List.of(s.getExperimentByName("nlp").orElseThrow().experimentId()),
                    io.jruns.domain.ViewType.ALL, 10).size(), "bert, once");
        }
    }
}
