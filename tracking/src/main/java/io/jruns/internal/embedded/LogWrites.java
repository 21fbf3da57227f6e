package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.store.MetricColumns;
import io.jruns.store.RunEnd;
import io.jruns.store.RunStart;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The embedded store's logging path: each call one transaction (see RunWrites and RunRounds). */
final class LogWrites {
    private final Database db;
    private final Heartbeat heartbeat;

    LogWrites(Database db, Heartbeat heartbeat) {
        this.db = db;
        this.heartbeat = heartbeat;
    }

    List<JrunsException> batches(List<LogBatch> batches, boolean durable) {
        if (batches.isEmpty()) return List.of(); // nothing is held back here: an empty flush has no work
        return db.log(durable, c -> RunWrites.logBatches(c, db.summaries(), batches, List.of(), Map.of(), Set.of()));
    }

    /**
     * One batch, all or nothing: a problem (missing or deleted run, changed param) is thrown and
     * nothing of the batch is written, as MLflow's log-batch does. The writer's rounds use
     * {@link #batches} instead, where one bad batch must not cost the others their values.
     */
    void batch(LogBatch batch) {
        db.log(false, c -> {
            List<JrunsException> problems = RunWrites.logBatches(c, db.summaries(), List.of(batch), List.of(), Map.of(), Set.of());
            if (!problems.isEmpty()) throw problems.get(0); // rolls the transaction back
            return null;
        });
    }

    /** Runs started, values and run ends of one writer round; metric points as columns. */
    List<JrunsException> round(List<RunStart> starts, List<LogBatch> batches, List<MetricColumns> metrics,
                                List<RunEnd> ends, boolean durable) {
        if (starts.isEmpty() && batches.isEmpty() && metrics.isEmpty() && ends.isEmpty()) return List.of();
        RunRounds.Written w = db.log(durable, c -> RunRounds.write(c, db.summaries(), starts, batches, metrics, ends,
                System.currentTimeMillis()));
        for (RunStart s : starts) { // after the commit: a retried transaction makes new rids
            if (s.owned()) heartbeat.own(s.info().runId(), w.started().get(s.info().runId()));
        }
        for (RunEnd e : ends) if (e.status().isTerminated()) heartbeat.release(e.runId());
        return w.problems();
    }

    void deleteTag(String runId, String key) {
        db.write(c -> {
            RunWrites.deleteTag(c, runId, key);
            return null;
        });
    }
}
