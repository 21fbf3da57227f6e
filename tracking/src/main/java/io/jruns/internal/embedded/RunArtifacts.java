package io.jruns.internal.embedded;

import io.jruns.internal.files.ArtifactFolder;

import io.jruns.domain.FileInfo;
import io.jruns.domain.JrunsException;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.RunInfo;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The embedded store's artifacts: a folder per run under the artifact root (see LocalArtifacts). */
final class RunArtifacts {
    private final Path root;
    /** A run's info by id: read alone, as each artifact logged asks for it (an import logs thousands). */
    private final Function<String, Optional<RunInfo>> runs;

    RunArtifacts(Path root, Function<String, Optional<RunInfo>> runs) {
        this.root = root;
        this.runs = runs;
    }

    void log(String runId, Path local, String artifactPath) {
        RunInfo info = requireRun(runId);
        if (info.lifecycleStage() == LifecycleStage.DELETED) {
            throw new JrunsException(JrunsException.Code.INVALID_STATE, "run '" + runId + "' is deleted: restore it first");
        }
        LocalArtifacts.copyIn(folder(info), local, artifactPath);
    }

    List<FileInfo> list(String runId, String path) {
        return ArtifactFolder.list(folder(requireRun(runId)), path);
    }

    Path download(String runId, String path) {
        return ArtifactFolder.existing(folder(requireRun(runId)), runId, path);
    }

    private Path folder(RunInfo info) {
        return root.resolve(info.experimentId()).resolve(info.runId());
    }

    private RunInfo requireRun(String runId) {
        return runs.apply(runId).orElseThrow(() -> JrunsException.notFound("run '" + runId + "' does not exist"));
    }
}
