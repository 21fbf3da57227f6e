package io.jruns.internal.rest;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One line when a call someone waits on has had no answer for a while: at the defaults a
 * server that never answers costs 120 s a try, five tries, which is ten silent minutes
 * otherwise. The line says which call, and the settings that make the wait shorter.
 */
final class SlowCalls {
    /** When to speak: 10 s, or half the read timeout when that is shorter. */
    private static final long AFTER_MS = 10_000;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jruns-rest-slow");
        t.setDaemon(true);
        return t;
    });

    private SlowCalls() {
    }

    /** Says once, after the wait, that {@code call} has no answer yet; cancel the result when it has one. */
    static ScheduledFuture<?> watch(RestConfig config, String call, RestTransport.Repeat repeat, RetryPolicy policy) {
        long after = Math.max(1000, Math.min(AFTER_MS, config.readTimeout().toMillis() / 2)) / 1000 * 1000;
        return TIMER.schedule(() -> config.warnings().accept(message(config, call, repeat, policy, after / 1000)),
                after, TimeUnit.MILLISECONDS);
    }

    static String message(RestConfig config, String call, RestTransport.Repeat repeat, RetryPolicy policy, long seconds) {
        String each = "each try waits up to " + config.readTimeout().toSeconds() + " s (MLFLOW_HTTP_REQUEST_TIMEOUT)";
        String retries = policy.attempts() <= 1 ? "; not tried again"
                : repeat != RestTransport.Repeat.SAFE ? "; not tried again after a timeout, as it may have been carried out"
                : ", retrying up to " + (policy.attempts() - 1) + " times (MLFLOW_HTTP_REQUEST_MAX_RETRIES)";
        return "jruns: waiting for " + config.displayName() + ": no answer to " + call + " for " + seconds + " s; "
                + each + retries;
    }
}
