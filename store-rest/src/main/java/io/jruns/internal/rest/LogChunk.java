package io.jruns.internal.rest;

import io.jruns.domain.Metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One log-batch request being filled: metrics in the order logged, params and tags by key
 * (a tag set twice keeps its last value, as the server would). Tracks its size so it never
 * passes {@link LogLimits}; {@link #json()} is the request body.
 */
final class LogChunk {
    /** {"key":"","value":,"timestamp":,"step":}, plus the longest double, long and long, plus a comma. */
    private static final int METRIC_OVERHEAD = 40 + 25 + 20 + 20;
    private static final int KEY_VALUE_OVERHEAD = 24;
    private static final int ENVELOPE = 64;

    final String runId;
    private final LogLimits limits;
    private final List<Metric> metrics = new ArrayList<>();
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private long bytes;
    private String lastKey;
    private long lastKeySize;
    private boolean closed;
    long touchedNanos;
    long createdNanos;

    LogChunk(String runId, LogLimits limits, long nowNanos) {
        this.runId = runId;
        this.limits = limits;
        this.bytes = ENVELOPE + jsonSize(runId);
        this.createdNanos = nowNanos;
        this.touchedNanos = nowNanos;
    }

    /** Adds the metric, or returns false (and closes) when it does not fit. */
    boolean addMetric(Metric m) {
        if (!m.key().equals(lastKey)) { // points mostly come in runs of one key: size it once
            lastKey = m.key();
            lastKeySize = jsonSize(lastKey);
        }
        long size = METRIC_OVERHEAD + lastKeySize;
        if (closed || metrics.size() >= limits.metrics() || !room(size)) return close();
        metrics.add(m);
        bytes += size;
        closeWhenFull();
        return true;
    }

    /** Adds the param; false (and closes) when it does not fit or the key has another value here. */
    boolean addParam(String key, String value) {
        String old = params.get(key);
        if (old != null && old.equals(value)) return true;
        long size = KEY_VALUE_OVERHEAD + jsonSize(key) + jsonSize(value);
        if (closed || old != null || params.size() >= limits.params() || !room(size)) return close();
        params.put(key, value);
        bytes += size;
        closeWhenFull();
        return true;
    }

    boolean addTag(String key, String value) {
        String old = tags.get(key);
        long size = KEY_VALUE_OVERHEAD + jsonSize(key) + jsonSize(value);
        long freed = old == null ? 0 : KEY_VALUE_OVERHEAD + jsonSize(key) + jsonSize(old);
        boolean fits = old != null ? bytes - freed + size <= limits.bytes()
                : tags.size() < limits.tags() && room(size);
        if (closed || !fits) return close();
        tags.remove(key); // a later set goes last, so the server applies it last
        tags.put(key, value);
        bytes += size - freed;
        closeWhenFull();
        return true;
    }

    private boolean room(long size) {
        int entities = metrics.size() + params.size() + tags.size();
        return entities < limits.entities() && bytes + size <= limits.bytes();
    }

    /** A request nothing more can join is ready to go at once. */
    private void closeWhenFull() {
        if (metrics.size() >= limits.metrics() || metrics.size() + params.size() + tags.size() >= limits.entities()) {
            closed = true;
        }
    }

    private boolean close() {
        closed = true;
        return false;
    }

    boolean isClosed() {
        return closed;
    }

    boolean isEmpty() {
        return metrics.isEmpty() && params.isEmpty() && tags.isEmpty();
    }

    int metricCount() {
        return metrics.size();
    }

    /** The log-batch request body. */
    byte[] json() {
        JsonBytes out = new JsonBytes((int) Math.min(bytes + 64, Integer.MAX_VALUE - 16));
        out.ascii("{\"run_id\":").raw(JsonBytes.quoted(runId));
        if (!metrics.isEmpty()) {
            out.ascii(",\"metrics\":[");
            Map<String, byte[]> prefixes = new HashMap<>();
            boolean first = true;
            for (Metric m : metrics) {
                if (!first) out.ch(',');
                first = false;
                byte[] prefix = prefixes.computeIfAbsent(m.key(), k -> concat("{\"key\":", JsonBytes.quoted(k), ",\"value\":"));
                out.raw(prefix).number(m.value()).ascii(",\"timestamp\":").number(m.timestamp())
                        .ascii(",\"step\":").number(m.step()).ch('}');
            }
            out.ch(']');
        }
        keyValues(out, "params", params);
        keyValues(out, "tags", tags);
        return out.ch('}').toArray();
    }

    private static byte[] concat(String a, byte[] b, String c) {
        return new JsonBytes(a.length() + b.length + c.length()).ascii(a).raw(b).ascii(c).toArray();
    }

    private static void keyValues(JsonBytes out, String name, Map<String, String> map) {
        if (map.isEmpty()) return;
        out.ascii(",\"" + name + "\":[");
        boolean first = true;
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (!first) out.ch(',');
            first = false;
            out.ascii("{\"key\":").raw(JsonBytes.quoted(e.getKey())).ascii(",\"value\":")
                    .raw(JsonBytes.quoted(e.getValue())).ch('}');
        }
        out.ch(']');
    }

    /** Bytes a string takes in JSON (quotes, escapes, UTF-8). */
    static long jsonSize(String s) {
        long n = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') n += 2;
            else if (c < 0x20) n += 6;
            else if (c < 0x80) n += 1;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else n += 3;
        }
        return n;
    }
}
