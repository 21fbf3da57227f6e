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
import java.util.concurrent.CompletableFuture;

/**
 * Groups one taken buffer into a round: metric points into columns per (run, key), params
 * and tags into one log batch per run, each in queue order; run starts and ends apart, in
 * queue order (starts are written first, ends last); and the flushes waiting on the round.
 */
final class Batches {
    /** One round's writes, and the flushes to complete once they are written. */
    record Round(List<RunStart> starts, List<LogBatch> batches, List<MetricColumns> metrics, List<RunEnd> ends,
                 List<CompletableFuture<Void>> flushes, boolean durable) {
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

    static Round group(OpQueue.Slots slots) {
        Map<String, Map<String, MetricColumns>> columns = new HashMap<>();
        List<MetricColumns> metrics = new ArrayList<>();
        Map<String, Parts> byRun = new LinkedHashMap<>();
        List<RunStart> starts = new ArrayList<>();
        List<RunEnd> ends = new ArrayList<>();
        List<CompletableFuture<Void>> flushes = new ArrayList<>();
        boolean durable = false;
        for (int i = 0; i < slots.size; i++) {
            if (slots.isMetric(i)) {
                String runId = slots.runId(i);
                String key = slots.keys[i];
                MetricColumns m = columns.computeIfAbsent(runId, r -> new HashMap<>()).get(key);
                if (m == null) {
                    m = new MetricColumns(runId, key);
                    columns.get(runId).put(key, m);
                    metrics.add(m);
                }
                m.add(slots.values[i], slots.timestamps[i], slots.steps[i]);
            } else if (slots.op(i) instanceof Op.ParamOp p) {
                byRun.computeIfAbsent(p.runId(), r -> new Parts()).params().add(new Param(p.key(), p.value()));
            } else if (slots.op(i) instanceof Op.TagOp t) {
                byRun.computeIfAbsent(t.runId(), r -> new Parts()).tags().add(new RunTag(t.key(), t.value()));
            } else if (slots.op(i) instanceof Op.StartOp s) {
                starts.add(s.start());
            } else if (slots.op(i) instanceof Op.EndOp e) {
                ends.add(new RunEnd(e.runId(), e.status(), e.endTime()));
            } else if (slots.op(i) instanceof Op.FlushOp f) {
                flushes.add(f.done());
                durable |= f.durable();
            }
        }
        List<LogBatch> batches = new ArrayList<>(byRun.size());
        byRun.forEach((run, parts) -> batches.add(new LogBatch(run, List.of(), parts.params(), parts.tags())));
        return new Round(starts, batches, metrics, ends, flushes, durable);
    }

    /** The flushes in a buffer that could not be grouped, so they hear of it. */
    static List<CompletableFuture<Void>> flushes(OpQueue.Slots slots) {
        List<CompletableFuture<Void>> out = new ArrayList<>();
        for (int i = 0; i < slots.size; i++) if (!slots.isMetric(i) && slots.op(i) instanceof Op.FlushOp f) out.add(f.done());
        return out;
    }
}
