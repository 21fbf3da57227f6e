package io.jruns.internal.rest;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long a failed request is tried again: {@code attempts} tries in all,
 * waiting an exponentially growing delay (base, 2 base, 4 base ... capped) with jitter, so
 * many clients that failed together do not come back together.
 */
public record RetryPolicy(int attempts, Duration base, Duration cap) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(4));
    /** One try, no waiting: for callers that have their own schedule (the spool's replay). */
    public static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
    }

    /** The wait before try {@code next} (2 for the first retry): half fixed, half random. */
    public long delayMillis(int next) {
        long exp = base.toMillis() << Math.min(20, Math.max(0, next - 2));
        long d = Math.min(cap.toMillis(), exp);
        return d / 2 + (d < 2 ? 0 : ThreadLocalRandom.current().nextLong(d / 2 + 1));
    }
}
