package io.jruns.model;

import io.jruns.JrunsException;
import io.jruns.TrackingClient;
import io.jruns.domain.Experiment;
import io.jruns.domain.FileInfo;
import io.jruns.domain.Run;
import io.jruns.store.Store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What reading a run's models and environment needs from a store: the run, its experiment,
 * and its artifacts. Adapts a {@link Store} (the command line) or a {@link TrackingClient}
 * (the notebook), so any store works, the REST one included.
 */
public interface RunReader {
    Run run(String runId);

    Optional<Experiment> experiment(String experimentId);

    List<FileInfo> listArtifacts(String runId, String path);

    /** A local file with the artifact's content. */
    Path download(String runId, String path);

    static RunReader of(Store store) {
        return new RunReader() {
            @Override
            public Run run(String runId) {
                return store.getRun(runId).orElseThrow(() -> JrunsException.notFound("run '" + runId + "' does not exist in "
                        + store.describe()));
            }

            @Override
            public Optional<Experiment> experiment(String experimentId) {
                return store.getExperiment(experimentId);
            }

            @Override
            public List<FileInfo> listArtifacts(String runId, String path) {
                return store.listArtifacts(runId, path);
            }

            @Override
            public Path download(String runId, String path) {
                return store.downloadArtifact(runId, path);
            }
        };
    }

    static RunReader of(TrackingClient client) {
        return new RunReader() {
            @Override
            public Run run(String runId) {
                return client.getRun(runId);
            }

            @Override
            public Optional<Experiment> experiment(String experimentId) {
                return client.getExperiment(experimentId);
            }

            @Override
            public List<FileInfo> listArtifacts(String runId, String path) {
                return client.listArtifacts(runId, path);
            }

            @Override
            public Path download(String runId, String path) {
                return client.downloadArtifact(runId, path);
            }
        };
    }
}
