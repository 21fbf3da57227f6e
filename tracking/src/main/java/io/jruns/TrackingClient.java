package io.jruns;

import io.jruns.domain.Experiment;
import io.jruns.domain.FileInfo;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.ViewType;

import java.nio.file.Path;
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
}
