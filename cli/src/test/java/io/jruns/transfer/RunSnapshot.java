package io.jruns.transfer;

import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import io.jruns.domain.ViewType;
import io.jruns.store.Store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything a copy must keep of a run, with ids replaced by names so two stores compare equal. */
record RunSnapshot(String experiment, String name, String user, RunStatus status, long start, Long end,
                   LifecycleStage stage, Long deleted, Map<String, String> params, Map<String, String> tags, String parent,
                   Map<String, List<String>> metrics, Map<String, String> artifacts) {

    /** Every run of every experiment (active and deleted), by experiment and run name. */
    static Map<String, RunSnapshot> of(Store s) {
        Map<String, RunSnapshot> out = new TreeMap<>();
        for (var e : s.listExperiments(ViewType.ALL)) {
            List<Run> runs = s.listRuns(List.of(e.experimentId()), ViewType.ALL, Integer.MAX_VALUE);
            Map<String, String> names = new TreeMap<>();
            runs.forEach(r -> names.put(r.runId(), r.info().runName()));
            for (Run r : runs) {
                Map<String, String> tags = new TreeMap<>(r.data().tags());
                tags.keySet().removeIf(k -> SourceTags.isSourceTag(k) || k.equals(SystemTags.PARENT_RUN_ID));
                String parent = r.parentRunId().map(p -> names.getOrDefault(p, "outside:" + p)).orElse(null);
                Map<String, List<String>> metrics = new TreeMap<>();
                for (String key : r.data().metrics().keySet()) {
                    metrics.put(key, s.getMetricHistory(r.runId(), key).stream().map(RunSnapshot::point).toList());
                }
                Map<String, String> files = new TreeMap<>();
                for (String path : ArtifactWalk.files(s, r.runId())) {
                    try {
                        files.put(path, HexFormat.of().formatHex(Files.readAllBytes(s.downloadArtifact(r.runId(), path))));
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }
                RunSnapshot snap = new RunSnapshot(e.name(), r.info().runName(), r.info().userId(), r.info().status(),
                        r.info().startTime(), r.info().endTime(), r.info().lifecycleStage(), r.info().deletedTime(), r.data().params(), tags,
                        parent, metrics, files);
                out.put(e.name() + "/" + r.info().runName(), snap);
            }
        }
        return out;
    }

    private static String point(Metric m) {
        return m.timestamp() + " " + m.value() + " " + m.step();
    }
}
