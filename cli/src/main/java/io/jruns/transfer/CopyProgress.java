package io.jruns.transfer;

import io.jruns.store.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A copy's progress in runs whose outcome is known, said as what became of them: "3/5 runs
 * copied", or "5/5 runs done (3 copied, 1 already there, 1 failed)". A run counts once its copy
 * is completed or has failed (one held in a group is not done yet), so a run whose copy then
 * fails is never counted as copied.
 */
final class CopyProgress {
    private final Progress progress;
    private final int total;
    private int shown;

    CopyProgress(Progress progress, int total) {
        this.progress = progress;
        this.total = total;
    }

    /** Says the counts when they moved since last said. */
    void update(int copied, int already, int failed, int leftOut) {
        int done = copied + already + failed + leftOut;
        if (done == shown) return;
        shown = done;
        progress.update(what(copied, already, failed, leftOut), done, total);
    }

    static String what(int copied, int already, int failed, int leftOut) {
        if (already == 0 && failed == 0 && leftOut == 0) return "runs copied";
        List<String> parts = new ArrayList<>();
        if (copied > 0) parts.add(String.format(Locale.ROOT, "%,d copied", copied));
        if (already > 0) parts.add(String.format(Locale.ROOT, "%,d already there", already));
        if (failed > 0) parts.add(String.format(Locale.ROOT, "%,d failed", failed));
        if (leftOut > 0) parts.add(String.format(Locale.ROOT, "%,d left out", leftOut));
        return "runs done (" + String.join(", ", parts) + ")";
    }
}
