package io.jruns.transfer;

import io.jruns.views.format.Format;

import java.util.List;

/**
 * What an export, import or copy did; {@code skippedLinks}: artifact links left out, as
 * run/artifacts/path; {@code refreshed}: of {@code runs}, those copied again because their
 * earlier copy was made while they ran.
 */
public record TransferReport(int experiments, int runs, int skipped, long metricPoints, int artifactFiles,
                             List<String> skippedLinks, int refreshed) {

    public TransferReport(int experiments, int runs, int skipped, long metricPoints, int artifactFiles) {
        this(experiments, runs, skipped, metricPoints, artifactFiles, List.of(), 0);
    }

    public TransferReport {
        skippedLinks = List.copyOf(skippedLinks);
    }

    TransferReport withSkippedLinks(List<String> links) {
        return new TransferReport(experiments, runs, skipped, metricPoints, artifactFiles, links, refreshed);
    }

    /** One line: what was done, where ({@code where}: "into ...", "to ..."), then what was left alone. */
    public String summary(String verb, String where) {
        return verb + " " + Format.count(runs, "run") + " (" + Format.count(metricPoints, "metric point") + ", "
                + Format.count(artifactFiles, "artifact file") + ") in " + Format.count(experiments, "experiment")
                + " " + where
                + (refreshed > 0 ? "; " + refreshed + " of them copied again, their earlier copy made while they ran" : "")
                + (skipped > 0 ? "; " + skipped + " already there, skipped" : "")
                + (skippedLinks.isEmpty() ? "" : "; " + Format.count(skippedLinks.size(), "artifact link")
                        + " leading out of " + (skippedLinks.size() == 1 ? "its" : "their") + " run left out ("
                        + skippedLinks.get(0) + (skippedLinks.size() > 1 ? ", ..." : "") + ")");
    }
}
