package io.jruns.store;

import java.util.List;

/**
 * What a gc purged: runs removed for good (rows and artifacts), the artifact bytes freed,
 * and the artifact folders it could not remove (their runs are purged all the same; the
 * folders are left for a person to look at).
 */
public record GcResult(int runsPurged, long artifactBytesFreed, List<String> problems) {
    public GcResult {
        problems = List.copyOf(problems);
    }
}
