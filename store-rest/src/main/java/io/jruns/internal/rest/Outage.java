package io.jruns.internal.rest;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The logging path's view of the server being away, for {@link LogSender}: the last failure,
 * when to try the spool again (growing pauses with jitter), and the one line saying values
 * are kept in the spool, said only once they are (the spool may not take them).
 */
final class Outage {
    private static final long MAX_PAUSE_MS = 30_000;

    private final RestConfig config;
    private final Path spool;
    private boolean waiting;
    private boolean said;
    private long nextTryNanos;
    private long pauseMs = 250;
    private String lastFailure;

    Outage(RestConfig config, Path spool) {
        this.config = config;
        this.spool = spool;
    }

    /** A request could not be delivered; {@code inSpool}: the values are in the spool already. */
    void started(RestException e, boolean inSpool) {
        lastFailure = e.getMessage();
        if (!waiting) {
            waiting = true;
            nextTryNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMs);
        }
        if (inSpool) sayKept();
    }

    /** The values are in the spool: says so once per outage. */
    void sayKept() {
        if (!waiting || said) return;
        said = true;
        config.warnings().accept("jruns: " + lastFailure + "; logged values are kept in " + spool
                + " and sent when the server answers");
    }

    /** A replay failed: the next waits longer. */
    void replayFailed(RestException e) {
        started(e, true);
        long jitter = ThreadLocalRandom.current().nextLong(pauseMs / 2 + 1);
        nextTryNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMs / 2 + jitter);
        pauseMs = Math.min(MAX_PAUSE_MS, pauseMs * 2);
    }

    boolean due(long nowNanos) {
        return nowNanos - nextTryNanos >= 0;
    }

    /** Everything went through: returns whether an outage was under way. */
    boolean over() {
        boolean was = waiting;
        waiting = false;
        said = false;
        pauseMs = 250;
        return was;
    }

    /** The last failure's message, null before any. */
    String lastFailure() {
        return lastFailure;
    }
}
