package io.jruns.internal.validate;

import io.jruns.store.LongValues;
import io.jruns.domain.JrunsException;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * MLflow's limits, checked before anything reaches a store, with one-line errors that name
 * the offending key. Keys repeat on the logging hot path, so good ones are remembered.
 */
public final class Validation {
    public static final int MAX_KEY_LENGTH = 250;
    public static final int MAX_PARAM_VALUE_LENGTH = 6000;
    public static final int MAX_TAG_VALUE_LENGTH = 8000;
    public static final int MAX_EXPERIMENT_NAME_LENGTH = 500;

    private static final Pattern RUN_ID = Pattern.compile("^[a-zA-Z0-9][\\w\\-]{0,255}$");
    private static final Pattern EXPERIMENT_ID = Pattern.compile("^[0-9]{1,19}$");
    private static final int KNOWN_KEYS_CAP = 100_000;
    private static final Set<String> knownGoodKeys = ConcurrentHashMap.newKeySet();

    private Validation() {
    }

    /** Checks a metric, param or tag key; {@code kind} names it in the error ("metric"). */
    public static void key(String kind, String key) {
        if (key != null && knownGoodKeys.contains(key)) return;
        String problem = keyProblem(key);
        if (problem != null) throw JrunsException.invalid("invalid " + kind + " key " + quote(key) + ": " + problem);
        if (knownGoodKeys.size() < KNOWN_KEYS_CAP) knownGoodKeys.add(key);
    }

    static String keyProblem(String key) {
        if (key == null) return "a key is required";
        if (key.isEmpty()) return "a key cannot be empty";
        if (key.length() > MAX_KEY_LENGTH) return "longer than " + MAX_KEY_LENGTH + " characters (" + key.length() + ")";
        int bad = key.codePoints().filter(cp -> !keyCharacter(cp)).findFirst().orElse(-1);
        if (bad >= 0) {
            return "only letters, digits, underscores, dashes, periods, spaces, colons and slashes are allowed, not "
                    + describe(bad);
        }
        if (!isPathSafe(key)) return "must be a relative path without '.', '..' or '//' segments";
        return null;
    }

    /**
     * MLflow's {@code ^[/\\w.\\- :]*$} as Python reads it: {@code \\w} is any Unicode letter or
     * number (so "équipe" and "损失" are keys) and the underscore, but not a combining mark.
     */
    static boolean keyCharacter(int cp) {
        if (cp < 128) return cp == '_' || cp == '/' || cp == '.' || cp == '-' || cp == ' ' || cp == ':'
                || Character.isLetterOrDigit(cp);
        if (Character.isLetter(cp)) return true;
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static String describe(int cp) {
        if (cp >= 0x21 && cp < 0x7f) return "'" + (char) cp + "'";
        return String.format("U+%04X", cp) + (Character.isISOControl(cp) ? "" : " '" + Character.toString(cp) + "'");
    }

    /** MLflow's path-safety rule: a key becomes a file path in file stores. */
    static boolean isPathSafe(String key) {
        if (key.startsWith("/") || key.endsWith("/")) return false;
        for (String seg : key.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) return false;
        }
        return true;
    }

    /**
     * Returns the value to store: the value itself when within the limit; otherwise, under
     * {@link LongValues#TRUNCATE}, the cut value after a warning; else an error.
     */
    public static String paramValue(String key, String value, LongValues policy) {
        return limit("param", key, value, MAX_PARAM_VALUE_LENGTH, policy);
    }

    public static String tagValue(String key, String value, LongValues policy) {
        return limit("tag", key, value, MAX_TAG_VALUE_LENGTH, policy);
    }

    private static String limit(String kind, String key, String value, int max, LongValues policy) {
        if (value == null) throw JrunsException.invalid(kind + " " + quote(key) + " has no value");
        if (value.length() <= max) return value;
        // MLflow counts characters as Python does (code points), not UTF-16 units: an emoji is one
        int chars = value.codePointCount(0, value.length());
        if (chars <= max) return value;
        if (policy == LongValues.TRUNCATE) {
            policy.warn(kind + " " + quote(key) + " value truncated from " + chars + " to " + max + " characters");
            return value.substring(0, value.offsetByCodePoints(0, max)); // whole characters only
        }
        throw JrunsException.invalid(kind + " " + quote(key) + " value is " + chars
                + " characters, over the limit of " + max
                + " (nothing was logged; set JRUNS_TRUNCATE_LONG_VALUES=true to truncate instead)");
    }

    public static void runId(String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw JrunsException.invalid("invalid run id " + quote(runId) + ": expected letters, digits, '_' or '-', at most 256");
        }
    }

    public static void experimentId(String id) {
        if (id == null || !EXPERIMENT_ID.matcher(id).matches()) {
            throw JrunsException.invalid("invalid experiment id " + quote(id) + ": expected a number");
        }
    }

    /** {@code value}, or a one-line error naming what was missing (instead of the JDK's NullPointerException). */
    public static <T> T required(T value, String what) {
        if (value == null) throw JrunsException.invalid(what + " is required, got null");
        return value;
    }

    public static void experimentName(String name) {
        if (name == null || name.isBlank()) throw JrunsException.invalid("an experiment name cannot be empty");
        if (name.length() > MAX_EXPERIMENT_NAME_LENGTH) {
            throw JrunsException.invalid("experiment name is " + name.length() + " characters, over the limit of "
                    + MAX_EXPERIMENT_NAME_LENGTH);
        }
    }

    /** The error for changing a logged param, worded once for every place that detects it. */
    public static JrunsException paramConflict(String runId, String key, String oldValue, String newValue) {
        return JrunsException.invalid("param " + quote(key) + " of run '" + runId + "' is already " + quote(oldValue)
                + " and params cannot change (tried " + quote(newValue) + "); log it under another key or start a new run");
    }

    public static void timestamp(long ts) {
        if (ts < 0) throw JrunsException.invalid("timestamp " + ts + " is negative");
    }

    static String quote(String s) {
        if (s == null) return "null";
        String shown = s.length() > 60 ? s.substring(0, 57) + "..." : s;
        return "'" + escapeControls(shown) + "'";
    }

    /** Errors are one line: a newline or tab inside a key is shown escaped. */
    private static String escapeControls(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(ch)) b.append(String.format("\\u%04x", (int) ch));
                    else b.append(ch);
                }
            }
        }
        return b.toString();
    }
}
