package io.jruns.store;

import java.util.Locale;

/**
 * What to do with a param or tag value over MLflow's limit. MLflow truncates silently; we
 * refuse by default so nothing is lost, and truncate with a visible warning only on request.
 */
public enum LongValues {
    REJECT, TRUNCATE;

    /** From {@code JRUNS_TRUNCATE_LONG_VALUES} (true/1/yes means truncate). */
    public static LongValues fromEnvironment() {
        String v = System.getenv("JRUNS_TRUNCATE_LONG_VALUES");
        if (v == null) v = System.getProperty("jruns.truncateLongValues");
        if (v == null) return REJECT;
        v = v.trim().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("1") || v.equals("yes") ? TRUNCATE : REJECT;
    }

    /** Says on stderr that a value was cut, so a truncation is never silent. */
    public void warn(String message) {
        System.err.println("jruns: warning: " + message);
    }
}
