package io.jruns.search;

import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.SystemTags;

/**
 * A field's value in one run: Double for metrics (NaN kept), Long for times, String for
 * texts, Boolean for has_model; null when the run has no such value.
 */
final class FieldValues {
    private FieldValues() {
    }

    static Object of(Field field, Run run) {
        if (field instanceof Field.Metric m) {
            MetricSummary s = run.data().metrics().get(m.key());
            if (s == null) return null;
            return switch (m.aggregate()) {
                case LATEST -> s.latest();
                case MIN -> s.min();
                case MAX -> s.max();
            };
        }
        if (field instanceof Field.Param p) return run.data().params().get(p.key());
        if (field instanceof Field.Tag t) return run.data().tags().get(t.key());
        RunInfo info = run.info();
        return switch (((Field.Attr) field).attribute()) {
            case RUN_ID -> info.runId();
            case RUN_NAME -> info.runName();
            case STATUS -> info.status() == null ? null : info.status().name();
            case USER_ID -> info.userId();
            case ARTIFACT_URI -> info.artifactUri();
            case START_TIME -> info.startTime();
            case END_TIME -> info.endTime();
            case HAS_MODEL -> run.data().tags().containsKey(SystemTags.LOG_MODEL_HISTORY);
        };
    }

    /** Compares a (non-NaN) number value with a literal exactly, also for longs beyond 2^53. */
    static int compare(Object value, NumberLiteral literal) {
        if (value instanceof Long l) {
            return literal.exact() != null ? Long.compare(l, literal.exact()) : compareLongDouble(l, literal.value());
        }
        return compareDoubles((Double) value, literal.value());
    }

    /** Numeric order with -0.0 equal to 0.0, as SQL compares (Double.compare would not). */
    static int compareDoubles(double a, double b) {
        return a < b ? -1 : a > b ? 1 : 0;
    }

    static int compareLongDouble(long a, double b) {
        if (b >= 0x1p63) return -1;
        if (b < -0x1p63) return 1;
        double floor = Math.floor(b);
        int c = Long.compare(a, (long) floor);
        if (c != 0) return c;
        return floor == b ? 0 : -1; // a equals floor(b) and b has a fraction: a < b
    }
}
