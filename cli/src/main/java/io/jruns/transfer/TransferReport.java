package io.jruns.transfer;

import io.jruns.views.format.Format;

/** What an export, import or copy did. */
public record TransferReport(int experiments, int runs, int skipped, long metricPoints, int artifactFiles) {

    public String summary(String verb) {
        return verb + " " + Format.count(runs, "run") + " (" + Format.count(metricPoints, "metric point") + ", "
                + Format.count(artifactFiles, "artifact file") + ") in " + Format.count(experiments, "experiment")
                + (skipped > 0 ? "; " + skipped + " already there, skipped" : "");
    }
}
