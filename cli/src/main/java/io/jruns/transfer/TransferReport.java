package io.jruns.transfer;

import io.jruns.views.format.Format;

import java.util.List;

/**
 * What an export, import or copy did. {@code refreshed}: of {@code runs}, those copied again
 * because their earlier copy was made while they ran; {@code leftOut}: what the source held
 * that was not copied, each said in a phrase (an artifact link leading out of its run, a run's
 * MLflow dataset inputs, an incomplete copy); {@code failed}: the runs whose copy failed, one line
 * each (run and why), not counted in {@code runs}.
 */
public record TransferReport(int experiments, int runs, int skipped, long metricPoints, int artifactFiles,
                             int refreshed, List<String> leftOut, List<String> failed) {
    private static final int LEFT_OUT_SHOWN = 3;
    private static final int FAILED_SHOWN = 20;

    public TransferReport(int experiments, int runs, int skipped, long metricPoints, int artifactFiles) {
        this(experiments, runs, skipped, metricPoints, artifactFiles, 0, List.of(), List.of());
    }

    public TransferReport {
        leftOut = List.copyOf(leftOut);
        failed = List.copyOf(failed);
    }

    TransferReport withLeftOut(List<String> more) {
        List<String> all = new java.util.ArrayList<>(leftOut);
        all.addAll(more);
        return new TransferReport(experiments, runs, skipped, metricPoints, artifactFiles, refreshed, all, failed);
    }

    /** One line: what was done, where ({@code where}: "into ...", "to ..."), then what was left alone. */
    public String summary(String verb, String where) {
        return verb + " " + Format.count(runs, "run") + " (" + Format.count(metricPoints, "metric point") + ", "
                + Format.count(artifactFiles, "artifact file") + ") in " + Format.count(experiments, "experiment")
                + " " + where
                + (refreshed > 0 ? "; " + refreshed + " of them copied again, their earlier copy made while they ran" : "")
                + (failed.isEmpty() ? "" : "; " + Format.count(failed.size(), "run") + " failed")
                + (skipped > 0 ? String.format(java.util.Locale.ROOT, "; %,d already there, skipped", skipped) : "")
                + (leftOut.isEmpty() ? "" : "; left out: " + String.join("; ", leftOut.subList(0, Math.min(LEFT_OUT_SHOWN,
                        leftOut.size()))) + (leftOut.size() > LEFT_OUT_SHOWN ? "; and " + (leftOut.size() - LEFT_OUT_SHOWN)
                        + " more" : ""));
    }

    /** The runs whose copy failed: the first 20, one line each, then how many more. */
    public List<String> failureLines() {
        List<String> out = new java.util.ArrayList<>(failed.subList(0, Math.min(FAILED_SHOWN, failed.size())));
        if (failed.size() > FAILED_SHOWN) out.add("and " + Format.count(failed.size() - FAILED_SHOWN, "more run") + " failed");
        return out;
    }
}
