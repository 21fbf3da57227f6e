package io.jruns.internal.writer;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Param;
import io.jruns.domain.RunTag;
import io.jruns.store.MetricColumns;
import io.jruns.store.RunEnd;
import io.jruns.store.RunStart;

import java.util.ArrayList;
import java.util.Arrays;
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

    /** A (run, key) seen in a buffer: its place in the round's columns and how many points it has. */
    private static final class Column {
        final int index;
        int points;

        Column(int index) {
            this.index = index;
        }
    }

    static Round group(OpQueue.Slots slots) {
        List<MetricColumns> metrics = columns(slots);
        Map<String, Parts> byRun = new LinkedHashMap<>();
        List<RunStart> starts = new ArrayList<>();
        List<RunEnd> ends = new ArrayList<>();
        List<CompletableFuture<Void>> flushes = new ArrayList<>();
        boolean durable = false;
        for (int i = 0; i < slots.size; i++) {
            if (slots.isMetric(i)) continue; // see columns
            if (slots.op(i) instanceof Op.ParamOp p) {
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

    /**
     * The buffer's metric points as columns per (run, key), in first-seen order. Two passes:
     * counting first, so each column is made at its exact size (growing them was most of
     * what a round allocated).
     */
    private static List<MetricColumns> columns(OpQueue.Slots slots) {
        Map<String, Map<String, Column>> seen = new HashMap<>();
        List<Column> order = new ArrayList<>();
        Object lastRun = null; // a loop logs one run's keys in turn: its map is looked up once per change
        Map<String, Column> byKey = null;
        for (int i = 0; i < slots.size; i++) {
            if (!slots.isMetric(i)) continue;
            if (slots.refs[i] != lastRun) {
                lastRun = slots.refs[i];
                byKey = seen.computeIfAbsent(slots.runId(i), r -> new HashMap<>());
            }
            Column c = byKey.get(slots.keys[i]);
            if (c == null) {
                c = new Column(order.size());
                byKey.put(slots.keys[i], c);
                order.add(c);
            }
            c.points++;
            slots.column[i] = c.index;
        }
        MetricColumns[] out = new MetricColumns[order.size()];
        for (int i = 0; i < slots.size; i++) {
            if (!slots.isMetric(i)) continue;
            MetricColumns m = out[slots.column[i]];
            if (m == null) {
                m = new MetricColumns(slots.runId(i), slots.keys[i], order.get(slots.column[i]).points);
                out[slots.column[i]] = m;
            }
            m.add(slots.values[i], slots.timestamps[i], slots.steps[i]);
        }
        return Arrays.asList(out);
    }

    /** The flushes in a buffer that could not be grouped, so they hear of it. */
    static List<CompletableFuture<Void>> flushes(OpQueue.Slots slots) {
        List<CompletableFuture<Void>> out = new ArrayList<>();
        for (int i = 0; i < slots.size; i++) if (!slots.isMetric(i) && slots.op(i) instanceof Op.FlushOp f) out.add(f.done());
        return out;
    }
}
