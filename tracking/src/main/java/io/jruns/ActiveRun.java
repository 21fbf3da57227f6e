package io.jruns;

import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import io.jruns.internal.validate.Validation;

import java.nio.file.Path;
import java.util.Map;

/**
 * A run started by this process. Logs to itself whether or not it is the innermost active
 * run. {@link #close()} ends it FINISHED, so try-with-resources fits; Java cannot tell
 * close() that an exception is on its way, so call {@link #end(RunStatus)} with FAILED in
 * a catch block to record a failure.
 */
public final class ActiveRun implements AutoCloseable {
    private final Session session;
    private final String runId;
    private final String experimentId;
    private final String name;

    ActiveRun(Session session, String runId, String experimentId, String name) {
        this.session = session;
        this.runId = runId;
        this.experimentId = experimentId;
        this.name = name;
    }

    public String runId() {
        return runId;
    }

    public String experimentId() {
        return experimentId;
    }

    public String name() {
        return name;
    }

    /** The client this run logs through, e.g. to read other runs of the same store. */
    public TrackingClient client() {
        return session.client;
    }

    /** The run as stored now (flushes first, so it includes everything logged). */
    public Run info() {
        return session.client.getRun(runId);
    }

    public ActiveRun logParam(String key, Object value) {
        session.client.logParam(runId, key, value);
        return this;
    }

    public ActiveRun logParams(Map<String, ?> params) {
        Validation.required(params, "a map of params");
        params.forEach(this::logParam);
        return this;
    }

    public ActiveRun logMetric(String key, double value) {
        return logMetric(key, value, 0);
    }

    public ActiveRun logMetric(String key, double value, long step) {
        session.client.logMetric(runId, key, value, step);
        return this;
    }

    public ActiveRun logMetrics(Map<String, ? extends Number> metrics, long step) {
        checked(metrics).forEach((k, v) -> logMetric(k, v.doubleValue(), step));
        return this;
    }

    /** The map, when it and every value are there: a null value leaves none of it logged, not the ones before it. */
    static <M extends Map<String, ? extends Number>> M checked(M metrics) {
        Validation.required(metrics, "a map of metrics");
        metrics.forEach((k, v) -> Validation.required(v, "a value for metric '" + k + "'"));
        return metrics;
    }

    public ActiveRun setTag(String key, Object value) {
        session.client.setTag(runId, key, value);
        return this;
    }

    public ActiveRun setTags(Map<String, ?> tags) {
        Validation.required(tags, "a map of tags");
        tags.forEach(this::setTag);
        return this;
    }

    public ActiveRun deleteTag(String key) {
        session.client.deleteTag(runId, key);
        return this;
    }

    /** Sets the run's description (markdown), shown as its note. */
    public ActiveRun setNote(String markdown) {
        return setTag(SystemTags.NOTE, markdown);
    }

    public ActiveRun logArtifact(Path file) {
        return logArtifact(file, "");
    }

    /**
     * Copies a file into the run's artifacts, under {@code artifactDir}; a directory is
     * copied whole, as a folder of the same name.
     */
    public ActiveRun logArtifact(Path file, String artifactDir) {
        Validation.required(file, "a file to log as an artifact");
        boolean dir = java.nio.file.Files.isDirectory(file);
        String name = file.toAbsolutePath().normalize().getFileName().toString();
        session.client.logArtifact(runId, file, dir ? joinPath(artifactDir, name) : artifactDir);
        return this;
    }

    private static String joinPath(String dir, String name) {
        return dir == null || dir.isEmpty() ? name : dir + "/" + name;
    }

    /** Copies the contents of a directory into the run's artifacts root. */
    public ActiveRun logArtifacts(Path dir) {
        return logArtifacts(dir, "");
    }

    public ActiveRun logArtifacts(Path dir, String artifactDir) {
        Validation.required(dir, "a folder to log as artifacts");
        session.client.logArtifact(runId, dir, artifactDir);
        return this;
    }

    /**
     * Ends the run (and runs nested under it still active). Returns at once on the embedded
     * store: the writer stores the end after the run's values, reads through jruns see it,
     * and {@link Jruns#flush()} (or a cell's end, or JVM exit) makes it durable.
     */
    public void end(RunStatus status) {
        session.endRun(this, status);
    }

    @Override
    public void close() {
        end(RunStatus.FINISHED);
    }

    @Override
    public String toString() {
        return "ActiveRun[" + name + ", " + runId + "]";
    }
}
