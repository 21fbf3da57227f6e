package io.jruns.transfer;

import io.jruns.domain.LifecycleStage;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Run;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.store.Store;

import java.util.ArrayList;
import java.util.List;

/**
 * The last steps of copying a run, done as soon as its values and artifacts are there (not
 * after every run: a copy stopped after 50 of 200 runs keeps what it completed): the parent
 * link, the completion tag, then deletion for a run deleted at its source. A store refuses tags on a
 * deleted run, so deletion comes after the tag; a copy stopped between the two is finished
 * by {@link #repair} when copying again.
 */
final class CopyCompletion {
    private final Store to;

    CopyCompletion(Store to) {
        this.to = to;
    }

    /**
     * The tags that complete a copy: the parent link and the completion time. Written only once
     * the run's values and artifacts are in ({@link CopyGroup}); {@code links}: where the parents
     * of the runs copied so far are in the target.
     */
    static LogBatch completionTags(Run source, String copyId, ParentLinks links) {
        List<RunTag> tags = new ArrayList<>();
        source.parentRunId().flatMap(links::of).ifPresent(p -> tags.add(new RunTag(SystemTags.PARENT_RUN_ID, p)));
        tags.add(new RunTag(SystemTags.COPIED_AT, Long.toString(System.currentTimeMillis())));
        return new LogBatch(copyId, List.of(), List.of(), tags);
    }

    /** After {@link #completionTags} are written: a run deleted at its source is deleted, with its time. */
    void deleteIfDeletedAtSource(Run source, String copyId) {
        if (source.info().lifecycleStage() == LifecycleStage.DELETED) deleteAsAtSource(source, copyId);
    }

    /**
     * A completed copy, not copied again: its parent link is pointed at the parent's copy when
     * that was made later (another selection, or a run copied again), and the deletion a stopped
     * copy did not get to is done. A parent the target still has no copy of leaves the link as it is.
     */
    void repair(Run source, Run copy, ParentLinks links) {
        String parent = source.parentRunId().flatMap(links::of).orElse(null);
        if (parent != null && !parent.equals(copy.data().tags().get(SystemTags.PARENT_RUN_ID))) {
            LogBatch link = new LogBatch(copy.runId(), List.of(), List.of(), List.of(new RunTag(SystemTags.PARENT_RUN_ID, parent)));
            if (copy.info().lifecycleStage() == LifecycleStage.DELETED) {
                // tags are refused on a deleted run: restored for the link, deleted again with its own time
                to.restoreRun(copy.runId());
                to.logBatch(link);
                delete(copy.runId(), copy.info().deletedTime());
            } else {
                to.logBatch(link);
            }
        }
        if (source.info().lifecycleStage() == LifecycleStage.DELETED && copy.info().lifecycleStage() == LifecycleStage.ACTIVE
                && deletedBeforeCopied(source, copy)) {
            deleteAsAtSource(source, copy.runId());
        }
    }

    /**
     * Whether the source was deleted already when its copy was completed (so the copy was meant
     * deleted too), not deleted after it was copied: that later deletion is the source's own affair.
     */
    private static boolean deletedBeforeCopied(Run source, Run copy) {
        Long deleted = source.info().deletedTime();
        if (deleted == null) return true;
        try {
            return deleted <= Long.parseLong(copy.data().tags().get(SystemTags.COPIED_AT).trim());
        } catch (RuntimeException e) {
            return true;
        }
    }

    private void deleteAsAtSource(Run source, String copyId) {
        delete(copyId, source.info().deletedTime()); // its time kept: it restarts no 30-day clock
    }

    private void delete(String runId, Long when) {
        if (when != null) to.deleteRun(runId, when);
        else to.deleteRun(runId);
    }
}
