package io.jruns.transfer;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.store.Store;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs whose copy failed, one line each: a value or file one store refuses fails that run,
 * not the copy (one bad value must not stop 10,000 other runs). What a run's copy made is
 * marked as an incomplete copy, so it never looks like a finished one and copying again
 * replaces it.
 */
final class CopyFailures {
    private final List<String> lines = new ArrayList<>();

    /**
     * Whether a failure stops the whole copy rather than failing one run: anything but a store
     * refusing a request (the server away or answering 5xx, an interrupt, a bug). The run being
     * copied then has no completion tag and no end, so it looks unfinished until the next copy
     * replaces it.
     */
    static boolean stopsTheCopy(RuntimeException e) {
        return !(e instanceof JrunsException j) || j.code() == JrunsException.Code.INTERNAL_ERROR;
    }

    void add(Run source, RuntimeException why) {
        String name = source.info().runName();
        lines.add("run " + source.runId() + (name == null || name.isEmpty() ? "" : " ('" + name + "')") + ": "
                + firstLine(why.getMessage()));
    }

    int size() {
        return lines.size();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) return "failed";
        return message.strip().lines().findFirst().orElse("failed");
    }

    /**
     * A copy made but not completed: ended FAILED (never FINISHED), tagged
     * {@code jruns.source.incomplete} and deleted at the epoch, so the next gc purges it and
     * copying onward skips it. Each step on its own: one refused still leaves the others done,
     * and the missing completion tag marks it incomplete whatever happens.
     */
    static void markIncomplete(Store to, String copyId) {
        try {
            to.updateRun(copyId, RunStatus.FAILED, System.currentTimeMillis(), null);
        } catch (JrunsException ignored) {
            // a planned run never written, or a server that refuses: the steps below still say it
        }
        try {
            to.logBatch(new LogBatch(copyId, List.of(), List.of(), List.of(new RunTag(SystemTags.COPY_INCOMPLETE, "true"))));
        } catch (JrunsException ignored) {
            // deleted already (a stopped copy's leftover), or refused: deletion below still hides it
        }
        try {
            to.deleteRun(copyId, 1L);
        } catch (JrunsException ignored) {
            // without its completion tag it is replaced when copying again
        }
    }
}
