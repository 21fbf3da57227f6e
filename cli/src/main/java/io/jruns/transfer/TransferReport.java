package io.jruns.transfer;

/** What an export, import or copy did. */
public record TransferReport(int experiments, int runs, int skipped, long metricPoints, int artifactFiles) {

    public String summary(String verb) {
        return verb + " " + runs + " runs (" + metricPoints + " metric points, " + artifactFiles + " artifact files) in "
                + experiments + " experiments" + (skipped > 0 ? "; " + skipped + " already there, skipped" : "");
    }
}
