package io.jruns.internal.writer;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Param;
import io.jruns.domain.RunTag;
import io.jruns.store.MetricColumns;
import io.jruns.store.RunEnd;
import io.jruns.store.RunStart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups queued operations: metric points into columns per (run, key), params and tags into
 * one log batch per run, each in queue order; run starts and ends apart, in queue order
 * (starts are written first, ends last).
 */
final class Batches {
    /** One round's writes. */
    record Round(List<RunStart> starts, List<LogBatch> batches, List<MetricColumns> metrics, List<RunEnd> ends) {
        boolean isEmpty() {
            return starts.isEmpty() && batches.isEmpty() && metrics.isEmpty() && ends.isEmpty();
        }
    }

    private record Parts(List<Param> params, List<RunTag> tags) {
        Parts() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    private Batches() {
    }

    static Round group(List<Op> ops) {
        Map<String, Map<String, MetricColumns>> columns = new HashMap<>();
        List<MetricColumns> metrics = new ArrayList<>();
        Map<String, Parts> byRun = new LinkedHashMap<>();
        List<RunStart> starts = new ArrayList<>();
        List<RunEnd> ends = new ArrayList<>();
        for (Op op : ops) {
            if (op instanceof Op.MetricOp m) {
                Map<String, MetricColumns> byKey = columns.computeIfAbsent(m.runId(), r -> new HashMap<>());
                MetricColumns c = byKey.get(m.key());
                if (c == null) {
                    c = new MetricColumns(m.runId(), m.key());
                    byKey.put(m.key(), c);
                    metrics.add(c);
                }
                c.add(m.value(), m.timestamp(), m.step());
            } else if (op instanceof Op.ParamOp p) {
                byRun.computeIfAbsent(p.runId(), r -> new Parts()).params().add(new Param(p.key(), p.value()));
            } else if (op instanceof Op.TagOp t) {
                byRun.computeIfAbsent(t.runId(), r -> new Parts()).tags().add(new RunTag(t.key(), t.value()));
            } else if (op instanceof Op.StartOp s) {
                starts.add(s.start());
            } else if (op instanceof Op.EndOp e) {
                ends.add(new RunEnd(e.runId(), e.status(), e.endTime()));
            }
        }
        List<LogBatch> out = new ArrayList<>(byRun.size());
        byRun.forEach((run, parts) -> out.add(new LogBatch(run, List.of(), parts.params(), parts.tags())));
        return new Round(starts, out, metrics, ends);
    }
}
