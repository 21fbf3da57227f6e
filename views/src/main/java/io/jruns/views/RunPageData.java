package io.jruns.views;

import io.jruns.domain.Metric;
import io.jruns.domain.Run;

import java.util.List;
import java.util.Map;

/**
 * Everything a run page shows, read beforehand. {@code parent} may be null (not nested, or
 * not read); {@code histories} may lack keys (no sparkline); {@code artifacts} null means they
 * were not listed (the page leaves the section out), and {@code artifactsTruncated} that the
 * listing stopped early. {@code now} is the time running durations count to.
 */
public record RunPageData(Run run, String experimentName, Run parent, List<Run> children,
                          Map<String, List<Metric>> histories, List<ArtifactEntry> artifacts, boolean artifactsTruncated,
                          long now) {

    /** A page of the run alone: no parent, children, histories or artifacts read. */
    public static RunPageData of(Run run, String experimentName, long now) {
        return new RunPageData(run, experimentName, null, List.of(), Map.of(), null, false, now);
    }
}
