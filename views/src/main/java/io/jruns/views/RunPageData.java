package io.jruns.views;

import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.search.RunCount;

import java.util.List;
import java.util.Map;

/**
 * Everything a run page shows, read beforehand. {@code parent} may be null (not nested, or
 * not read); {@code children} are the first of its child runs ({@link #CHILDREN_SHOWN} are shown)
 * and {@code childCount} how many it has in all; {@code histories} may lack keys (no sparkline);
 * {@code artifacts} null means they were not listed (the page leaves the section out), and
 * {@code artifactsTruncated} that the listing stopped early. {@code now} is the time running
 * durations count to; {@code links} where the notebook, artifacts, parent and children link
 * ({@link Links#NONE}: nowhere).
 */
public record RunPageData(Run run, String experimentName, Run parent, List<Run> children,
                          Map<String, List<Metric>> histories, List<ArtifactEntry> artifacts, boolean artifactsTruncated,
                          long now, Links links, RunCount childCount) {
    /** The child runs a page names; it says how many more there are. */
    public static final int CHILDREN_SHOWN = 12;

    /** The filter that finds the runs nested directly under a run (they name it in {@code mlflow.parentRunId}). */
    public static String childrenFilter(String runId) {
        return "tags.`" + io.jruns.domain.SystemTags.PARENT_RUN_ID + "` = '" + runId.replace("'", "\\'") + "'";
    }

    public RunPageData(Run run, String experimentName, Run parent, List<Run> children,
                       Map<String, List<Metric>> histories, List<ArtifactEntry> artifacts, boolean artifactsTruncated,
                       long now, Links links) {
        this(run, experimentName, parent, children, histories, artifacts, artifactsTruncated, now, links,
                RunCount.exactly(children.size()));
    }

    public RunPageData(Run run, String experimentName, Run parent, List<Run> children,
                       Map<String, List<Metric>> histories, List<ArtifactEntry> artifacts, boolean artifactsTruncated, long now) {
        this(run, experimentName, parent, children, histories, artifacts, artifactsTruncated, now, Links.NONE);
    }

    /** The same page of another run (tests, and a page refreshed with the run read again). */
    public RunPageData withRun(Run r) {
        return new RunPageData(r, experimentName, parent, children, histories, artifacts, artifactsTruncated, now, links, childCount);
    }

    /** The same page with its runs, notebook and artifacts linking to a jruns ui. */
    public RunPageData withLinks(Links l) {
        return new RunPageData(run, experimentName, parent, children, histories, artifacts, artifactsTruncated, now, l, childCount);
    }

    /** The same page knowing how many child runs there are beyond those read. */
    public RunPageData withChildCount(RunCount count) {
        return new RunPageData(run, experimentName, parent, children, histories, artifacts, artifactsTruncated, now, links, count);
    }

    /** A page of the run alone: no parent, children, histories or artifacts read. */
    public static RunPageData of(Run run, String experimentName, long now) {
        return new RunPageData(run, experimentName, null, List.of(), Map.of(), null, false, now);
    }
}
