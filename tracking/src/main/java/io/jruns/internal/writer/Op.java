package io.jruns.internal.writer;

import java.util.concurrent.CompletableFuture;

/** What callers put on the writer's queue: one small object per call. */
sealed interface Op {
    record MetricOp(String runId, String key, double value, long timestamp, long step) implements Op {
    }

    record ParamOp(String runId, String key, String value) implements Op {
    }

    record TagOp(String runId, String key, String value) implements Op {
    }

    /** Completes once everything queued before it is written. */
    record FlushOp(CompletableFuture<Void> done) implements Op {
    }
}
