package io.jruns;

import io.jruns.domain.Experiment;
import io.jruns.domain.FileInfo;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.ViewType;
import io.jruns.manage.GcResult;
import io.jruns.manage.Progress;
import io.jruns.manage.RunManager;
import io.jruns.manage.RunQuery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads runs and experiments, and works on any run by id (MLflow's {@code MlflowClient}).
 * Reads flush pending logging first, so they see everything logged before them.
 */
public final class TrackingClient {
    private final Session session;

    TrackingClient(Session session) {
        this.session = session;
    }

    public String trackingUri() {
        return session.uri.toString();
    }

    public Run getRun(String runId) {
        session.writer.flush();
        return session.store.getRun(runId).orElseThrow(() -> JrunsException.notFound("run '" + runId + "' does not exist"));
    }

    public Optional<Experiment> getExperiment(String experimentId) {
        return session.store.getExperiment(experimentId);
    }

    public Optional<Experiment> getExperimentByName(String name) {
        return session.store.getExperimentByName(name);
    }

    public List<Experiment> listExperiments() {
        return session.store.listExperiments(ViewType.ACTIVE_ONLY);
    }

    public String createExperiment(String name) {
        return session.store.createExperiment(name, null, Map.of());
    }

    /** Active runs of the experiments, newest first. */
    public List<Run> listRuns(String... experimentIds) {
        return listRuns(List.of(experimentIds), ViewType.ACTIVE_ONLY, 1000);
    }

    public List<Run> listRuns(List<String> experimentIds, ViewType viewType, int maxResults) {
        session.writer.flush();
        return session.store.listRuns(experimentIds, viewType, maxResults);
    }

    /** Every point of a metric, in the order logged. */
    public List<Metric> getMetricHistory(String runId, String key) {
        session.writer.flush();
        return session.store.getMetricHistory(runId, key);
    }

    public List<FileInfo> listArtifacts(String runId) {
        return listArtifacts(runId, "");
    }

    public List<FileInfo> listArtifacts(String runId, String path) {
        return session.store.listArtifacts(runId, path);
    }

    /** A local path to read the artifact from. */
    public Path downloadArtifact(String runId, String path) {
        return session.store.downloadArtifact(runId, path);
    }

    public void logMetric(String runId, String key, double value, long step) {
        session.logMetric(runId, key, value, step);
    }

    public void logParam(String runId, String key, Object value) {
        session.logParam(runId, key, value);
    }

    public void setTag(String runId, String key, Object value) {
        session.setTag(runId, key, value);
    }

    public void deleteTag(String runId, String key) {
        session.deleteTag(runId, key);
    }

    public void setTerminated(String runId, RunStatus status) {
        session.writer.flush();
        session.store.updateRun(runId, status, System.currentTimeMillis(), null);
    }

    public void flush() {
        session.writer.flush();
    }

    // ---- finding and managing runs (docs/manage.md). A RUN is a run id, a unique id prefix,
    // or a run name in the active experiment.

    /** A search of the active experiment unless {@code experiments(...)} names others. */
    public RunQuery search() {
        return new RunQuery(session.store, session::activeExperimentId, session.writer::flush);
    }

    private RunManager manager() {
        session.writer.flush(); // management must not overtake values still queued
        return new RunManager(session.store, List.of(session.activeExperimentId()));
    }

    /** The run a person names: its id, a unique id prefix, or its name in the active experiment. */
    public Run resolveRun(String ref) {
        return manager().resolve(ref);
    }

    /**
     * A RUN in any state: a run id, a unique id prefix, or a run name in these experiments
     * (names or ids; the active experiment when empty). Ambiguity is an error listing matches.
     */
    public Run resolveRun(String ref, List<String> experiments) {
        session.writer.flush();
        List<String> ids = experiments.isEmpty() ? List.of(session.activeExperimentId())
                : experiments.stream().map(e -> io.jruns.manage.ExperimentRefs.resolve(session.store, e).experimentId()).toList();
        return io.jruns.manage.RunRefs.resolve(session.store, ref, ids, io.jruns.domain.ViewType.ALL);
    }

    /** Renames a run ({@code mlflow.runName} follows); returns its id. */
    public String rename(String run, String name) {
        return manager().rename(run, name);
    }

    /** Sets a tag on any run by reference, at once (not queued); returns the run id. */
    public String tag(String run, String key, Object value) {
        return manager().setTag(run, key, String.valueOf(value));
    }

    /** Removes a tag from any run by reference; returns the run id. */
    public String untag(String run, String key) {
        return manager().deleteTag(run, key);
    }

    /** Deletes runs and their descendants; returns how many runs were deleted. */
    public int deleteRuns(String... runs) {
        return deleteRuns(List.of(runs), false);
    }

    public int deleteRuns(List<String> runs, boolean keepDescendants) {
        return manager().delete(runs, keepDescendants, Progress.NONE);
    }

    /** Restores runs and the descendants deleted with them; returns how many were restored. */
    public int restoreRuns(String... runs) {
        return manager().restore(List.of(runs), Progress.NONE);
    }

    /** Databricks' delete_runs; {@code maxRuns} 1..10,000, null for 10,000. The experiment by name or id. */
    public int deleteRuns(String experiment, long maxTimestampMillis, Integer maxRuns) {
        return manager().deleteCreatedBefore(experiment, maxTimestampMillis, maxRuns, Progress.NONE);
    }

    /** Databricks' restore_runs; {@code maxRuns} 1..10,000, null for 10,000. */
    public int restoreRuns(String experiment, long minTimestampMillis, Integer maxRuns) {
        return manager().restoreDeletedSince(experiment, minTimestampMillis, maxRuns, Progress.NONE);
    }

    /** Purges runs deleted longer ago than {@code olderThan}, artifacts too. */
    public GcResult gc(Duration olderThan) {
        return manager().gc(olderThan, Progress.NONE);
    }
}
