package io.jruns.internal.embedded;

import io.jruns.domain.LifecycleStage;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.store.RunStart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Starting runs in the embedded store: at once (createRun) or planned for the writer (planRun). */
final class RunStarts {
    private final Database db;
    private final Path artifactRoot;
    private final Heartbeat heartbeat;
    /** Experiments checked live by plan (see there). */
    private final Set<String> liveExperiments = ConcurrentHashMap.newKeySet();

    RunStarts(Database db, Path artifactRoot, Heartbeat heartbeat) {
        this.db = db;
        this.artifactRoot = artifactRoot;
        this.heartbeat = heartbeat;
    }

    RunInfo create(String experimentId, String userId, long startTime, String runName, List<RunTag> tags) {
        RunStart start = newRun(experimentId, userId, startTime, runName, tags);
        RunInfo info = start.info();
        long rid = db.write(c -> {
            Experiments.requireLive(c, experimentId);
            Map<String, String> allTags = new LinkedHashMap<>();
            start.tags().forEach(t -> allTags.put(t.key(), t.value()));
            return RunRows.insert(c, info.runId(), Experiments.key(experimentId), info.runName(), userId, startTime,
                    info.artifactUri(), allTags, System.currentTimeMillis());
        });
        heartbeat.own(info.runId(), rid);
        return info;
    }

    /**
     * The experiment is checked now (as create would), once per experiment: jruns stores
     * never delete experiments, so one found live stays so.
     */
    RunStart plan(String experimentId, String userId, long startTime, String runName, List<RunTag> tags) {
        if (!liveExperiments.contains(experimentId)) {
            Experiments.key(experimentId);
            db.read(c -> {
                Experiments.requireLive(c, experimentId);
                return null;
            });
            liveExperiments.add(experimentId);
        }
        return newRun(experimentId, userId, startTime, runName, tags);
    }

    /** The run's id (made here) and info, and its tags with the system ones; nothing written. */
    private RunStart newRun(String experimentId, String userId, long startTime, String runName, List<RunTag> tags) {
        String runId = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> allTags = RunRows.startTags(tags, runName, userId);
        String name = allTags.get(SystemTags.RUN_NAME);
        String artifactUri = artifactRoot.resolve(experimentId).resolve(runId).toUri().toString();
        RunInfo info = new RunInfo(runId, experimentId, name, userId, RunStatus.RUNNING, startTime, null,
                LifecycleStage.ACTIVE, null, artifactUri);
        List<RunTag> tagList = new ArrayList<>(allTags.size());
        allTags.forEach((k, v) -> tagList.add(new RunTag(k, v)));
        return new RunStart(info, tagList);
    }
}
