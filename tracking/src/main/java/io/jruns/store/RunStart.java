package io.jruns.store;

import io.jruns.domain.RunInfo;
import io.jruns.domain.RunTag;

import java.util.List;

/**
 * A run started but not yet written ({@link Store#planRun}): its info as the caller sees it
 * at once (id, name, start time) and every tag it starts with, system tags included.
 */
public record RunStart(RunInfo info, List<RunTag> tags) {
    public RunStart {
        tags = List.copyOf(tags);
    }
}
