package io.jruns.store;

import io.jruns.domain.RunInfo;
import io.jruns.domain.RunTag;

import java.util.List;

/**
 * A run started but not yet written ({@link Store#planRun}): its info as the caller sees it
 * at once (id, name, start time) and every tag it starts with, system tags included.
 * {@code owned}: the process writing it logs to it, so a store that tracks owners (the
 * embedded one) ends it as KILLED once that process is gone. A run written on someone else's
 * behalf (a copy or import, a run made through the UI's MLflow API) is {@link #unowned}: it
 * stays RUNNING until ended, as MLflow's server keeps it.
 */
public record RunStart(RunInfo info, List<RunTag> tags, boolean owned) {
    public RunStart {
        tags = List.copyOf(tags);
    }

    public RunStart(RunInfo info, List<RunTag> tags) {
        this(info, tags, true);
    }

    /** The same run, written without an owner. */
    public RunStart unowned() {
        return new RunStart(info, tags, false);
    }
}
