package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.store.MetricColumns;
import io.jruns.store.RunEnd;
import io.jruns.store.RunStart;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One writer round in one transaction: the runs started (their ids already given out), the
 * values logged, then the runs ended. Many short runs thus share one commit instead of three
 * each (start, values, end).
 */
final class RunRounds {
    /** The runs inserted (run id to rid) and what could not be applied. */
    record Written(Map<String, Long> started, List<JrunsException> problems) {
    }

    private RunRounds() {
    }

    static Written write(Connection c, SummaryCache summaries, List<RunStart> starts, List<LogBatch> batches, List<MetricColumns> metrics,
                         List<RunEnd> ends, long now) throws SQLException {
        Map<String, Long> started = RunRows.insertAll(c, starts, now);
        Set<String> ending = new HashSet<>();
        for (RunEnd e : ends) ending.add(e.runId());
        List<JrunsException> problems = new ArrayList<>(RunWrites.logBatches(c, summaries, batches, metrics, started, ending));
        RunRows.endAll(c, ends, problems);
        return new Written(started, problems);
    }
}
