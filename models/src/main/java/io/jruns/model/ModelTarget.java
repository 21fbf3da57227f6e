package io.jruns.model;

import io.jruns.TrackingClient;
import java.nio.file.Path;

/** The run a model is logged to: what {@link ModelLogger} needs from it. */
public interface ModelTarget {
    String runId();

    /** Reads the run (its current tags) and its artifacts. */
    TrackingClient client();

    /** Copies a folder's contents into the run's artifacts under {@code artifactPath}. */
    void logArtifacts(Path dir, String artifactPath);

    void setTag(String key, String value);
}
