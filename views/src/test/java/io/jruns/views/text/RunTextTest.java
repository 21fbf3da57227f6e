package io.jruns.views.text;

import io.jruns.domain.FileInfo;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Run;
import io.jruns.domain.RunData;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.views.ArtifactEntry;
import io.jruns.views.RunPageData;
import io.jruns.views.Runs;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunTextTest {
    static final long NOW = 1_700_000_100_000L;

    @Test
    void aFinishedRunReadsAsADetailsBlockThenItsSections() {
        Run run = Runs.run("fit\nagain", Map.of("lr", "0.01"), Map.of("loss", 0.0003), Map.of("mlflow.source.name", "/w/train.ipynb"));
        String t = RunText.render(RunPageData.of(run, "exp", NOW), ZoneOffset.UTC);
        List<List<String>> details = cells(t.substring(0, t.indexOf("\n\n")));
        assertEquals(List.of("run_id", run.runId()), details.get(0));
        assertTrue(details.contains(List.of("name", "fit\\nagain")), "one line: " + details);
        assertTrue(details.contains(List.of("experiment", "1 (exp)")), details.toString());
        assertTrue(details.contains(List.of("duration", "4.2s")), details.toString());
        assertTrue(details.contains(List.of("source", "/w/train.ipynb")), details.toString());
        assertTrue(t.contains("\nMetrics\nkey   latest  step     min     max  points\nloss  0.0003     0  0.0003  0.0003       1\n"), t);
        assertFalse(t.contains("Artifacts"), "not listed, so not shown");
    }

    @Test
    void aRunningNestedRunSaysHowLongSoFarWhoItsParentIsAndWhatItHolds() {
        Run parent = Runs.run("parent", Map.of(), Map.of(), Map.of());
        Run child = Runs.run("child", Map.of(), Map.of(), Map.of("mlflow.parentRunId", parent.runId(),
                "mlflow.log-model.history", "[{\"artifact_path\":\"model\",\"flavors\":{\"java_function\":{}}}]"));
        RunInfo i = child.info();
        Run running = new Run(new RunInfo(i.runId(), i.experimentId(), i.runName(), i.userId(), RunStatus.RUNNING, NOW - 65_000,
                null, LifecycleStage.ACTIVE, null, i.artifactUri()), child.data());
        RunPageData d = new RunPageData(running, "exp", parent, List.of(Runs.run("grandchild", Map.of(), Map.of(), Map.of())),
                Map.of(), List.of(new ArtifactEntry(new FileInfo("model", true, null), 0),
                new ArtifactEntry(new FileInfo("model/MLmodel", false, 2048L), 1)), true, NOW);
        String t = RunText.render(d, ZoneOffset.UTC);
        List<List<String>> details = cells(t.substring(0, t.indexOf("\n\n")));
        assertTrue(details.contains(List.of("end", "-")), details.toString());
        assertTrue(details.contains(List.of("duration", "1m 05s so far")), details.toString());
        assertTrue(details.contains(List.of("parent_run_id", parent.runId() + " (parent)")), details.toString());
        assertTrue(details.contains(List.of("children", "1")), details.toString());
        assertTrue(t.contains("\nArtifacts\nmodel/\n  MLmodel  2.0 KB\n(only the first 2 entries)\n"), t);
        assertTrue(t.endsWith("\nLogged models\npath   flavors\nmodel  java_function\n"), t);
    }

    @Test
    void emptySectionsSaySo() {
        Run bare = new Run(Runs.run("bare", Map.of(), Map.of(), Map.of()).info(), new RunData(Map.of(), Map.of(), Map.of()));
        String t = RunText.render(new RunPageData(bare, "exp", null, List.of(), Map.of(), List.of(), false, NOW), ZoneOffset.UTC);
        assertTrue(t.contains("\nParams\n(none)\n\nMetrics\n(none)\n\nTags\n(none)\n\nArtifacts\n(none)\n"), t);
    }

    static List<List<String>> cells(String block) {
        return block.lines().map(l -> List.of(l.strip().split("\\s{2,}", 2))).toList();
    }
}
