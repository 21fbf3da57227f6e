package io.jruns.transfer;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.Run;
import io.jruns.domain.RunTag;
import io.jruns.domain.ViewType;
import io.jruns.internal.embedded.EmbeddedStore;
import io.jruns.store.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An export folder may come from anyone: import reads no link outside artifacts/, and says what it left out. */
class MlrunsLinksTest {
    @TempDir
    Path dir;

    private EmbeddedStore embedded(String name) {
        return new EmbeddedStore(dir.resolve(name).resolve("jruns.db"), dir.resolve(name).resolve("artifacts"));
    }

    @Test
    void linksInParamsTagsMetricsAndMetaYamlAreNotRead() throws Exception {
        Path secrets = Files.createDirectories(dir.resolve("home/.ssh"));
        Path key = Files.writeString(secrets.resolve("id_rsa"), "SECRET KEY");
        Path points = Files.writeString(secrets.resolve("points"), "1 42.0 0\n");
        Path out = dir.resolve("out");
        String kept;
        String linkedMeta;
        try (EmbeddedStore a = embedded("a")) {
            String exp = a.createExperiment("e", null, Map.of());
            kept = a.createRun(exp, "ann", 1, "kept", List.of()).runId();
            a.logBatch(new LogBatch(kept, List.of(new Metric("loss", 1, 1, 0)), List.of(new Param("lr", "0.1")),
                    List.of(new RunTag("t", "v"))));
            linkedMeta = a.createRun(exp, "ann", 2, "linked-meta", List.of()).runId();
            Transfers.export(a, out, Selection.all(), Progress.NONE);
            Path expDir = out.resolve(exp);
            Path run = expDir.resolve(kept);
            Files.createSymbolicLink(run.resolve("params/stolen"), key);
            Files.createSymbolicLink(run.resolve("tags/stolen"), key);
            Files.createSymbolicLink(run.resolve("tags/ssh"), secrets);
            Files.createSymbolicLink(run.resolve("metrics/stolen"), points);
            Path meta = expDir.resolve(linkedMeta).resolve("meta.yaml");
            Path elsewhere = Files.move(meta, dir.resolve("elsewhere.yaml"));
            Files.createSymbolicLink(meta, elsewhere);
        }
        try (EmbeddedStore b = embedded("b")) {
            TransferReport r = Transfers.importDir(out, b, Selection.all(), Progress.NONE);
            assertEquals(1, r.runs(), "the run whose meta.yaml is a link is left out");
            String exp = b.getExperimentByName("e").orElseThrow().experimentId();
            Run run = b.listRuns(List.of(exp), ViewType.ALL, 10).get(0);
            assertEquals("kept", run.info().runName());
            assertEquals(Map.of("lr", "0.1"), run.data().params());
            assertFalse(run.data().tags().containsKey("stolen") || run.data().tags().keySet().stream()
                    .anyMatch(k -> k.startsWith("ssh")), run.data().tags().toString());
            assertEquals(List.of("loss"), List.copyOf(run.data().metrics().keySet()));
            String said = String.join("\n", r.leftOut());
            for (String link : List.of("params/stolen", "tags/stolen", "tags/ssh", "metrics/stolen")) {
                assertTrue(said.contains("link " + exp + "/" + kept + "/" + link + ", which leads out of its run's files"), said);
            }
            assertTrue(said.contains(exp + "/" + linkedMeta + ", whose meta.yaml is a link (not read"), said);
            assertEquals(5, r.leftOut().size(), "each said once, though runs are read more than once: " + said);
        }
    }
}
