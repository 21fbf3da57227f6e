package io.jruns.transfer;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.store.Store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs with everything a copy must keep: nesting, notes, NaN and infinities, long histories, artifacts, deletion. */
final class TransferFixture {
    private TransferFixture() {
    }

    static void populate(Store s, Path scratch) throws IOException {
        String exp = s.createExperiment("exp one", null, Map.of("team", "ml"));
        String parent = s.createRun(exp, "ann", 1_000, "parent", List.of(new RunTag(SystemTags.NOTE, "# Notes\nline 2"))).runId();
        List<Metric> loss = new ArrayList<>();
        for (int i = 0; i < 2500; i++) loss.add(new Metric("loss", 1.0 / (i + 1), 2_000 + i, i));
        loss.add(new Metric("loss", Double.NaN, 9_000, 2500));
        s.logBatch(new LogBatch(parent, loss, List.of(new Param("lr", "0.01"), new Param("layers/0/units", "64")),
                List.of(new RunTag("stage", "it's: \"quoted\""))));
        s.logBatch(new LogBatch(parent, List.of(new Metric("val/acc", Double.POSITIVE_INFINITY, 3, 0),
                new Metric("val/acc", Double.NEGATIVE_INFINITY, 4, 1), new Metric("val/acc", 1e-300, 5, 1)),
                List.of(), List.of()));
        Path art = Files.createDirectories(scratch.resolve("art/model"));
        Files.writeString(art.resolve("MLmodel"), "artifact_path: model\n");
        Files.write(scratch.resolve("art/weights.bin"), new byte[]{0, 1, 2, (byte) 255, 10, 13});
        s.logArtifact(parent, scratch.resolve("art"), "");
        s.updateRun(parent, RunStatus.FINISHED, 9_999L, null);
        for (int c = 0; c < 2; c++) {
            String child = s.createRun(exp, "bob", 1_100 + c, "child-" + c,
                    List.of(new RunTag(SystemTags.PARENT_RUN_ID, parent))).runId();
            s.logBatch(new LogBatch(child, List.of(new Metric("loss", c, 5, 0)), List.of(new Param("fold", "" + c)),
                    List.of()));
            s.updateRun(child, c == 0 ? RunStatus.FAILED : RunStatus.KILLED, 1_200L + c, null);
        }
        String gone = s.createRun(exp, "ann", 1_300, "deleted-one", List.of()).runId();
        s.logBatch(new LogBatch(gone, List.of(new Metric("loss", 0.5, 1, 0)), List.of(), List.of()));
        s.updateRun(gone, RunStatus.FINISHED, 1_400L, null);
        s.deleteRun(gone);
        String other = s.createRun("0", "cy", 1_500, "in-default", List.of()).runId();
        s.updateRun(other, RunStatus.FINISHED, 1_600L, null);
    }
}
