package io.jruns.internal.writer;

import io.jruns.domain.RunStatus;
import io.jruns.store.RunStart;

import java.util.concurrent.CompletableFuture;

/**
 * What callers put on the writer's queue, one small object per call, for everything but
 * metric points (those go as primitives: see OpQueue).
 */
sealed interface Op {
    record ParamOp(String runId, String key, String value) implements Op {
    }

    record TagOp(String runId, String key, String value) implements Op {
    }

    /** A run started by the caller (its id already given out), written before its values. */
    record StartOp(RunStart start) implements Op {
    }

    /** A run's end, written after the values logged before it. */
    record EndOp(String runId, RunStatus status, long endTime) implements Op {
    }

    /**
     * Completes once everything queued before it is written; {@code durable} also makes that
     * write durable and hands the caller the problems found since the last flush.
     */
    record FlushOp(CompletableFuture<Void> done, boolean durable) implements Op {
    }
}
