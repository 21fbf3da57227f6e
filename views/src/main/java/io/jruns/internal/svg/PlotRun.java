package io.jruns.internal.svg;

/** What a plot knows of one run: the label it shows and the tooltip heading. */
public record PlotRun(String label, String runId) {
}
