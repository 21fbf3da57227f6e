package io.jruns.search;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The run attributes a filter or an order can name, with what kind of value each holds. */
public enum Attribute {
    RUN_ID("run_id", ValueKind.TEXT),
    RUN_NAME("run_name", ValueKind.TEXT),
    STATUS("status", ValueKind.TEXT),
    USER_ID("user_id", ValueKind.TEXT),
    ARTIFACT_URI("artifact_uri", ValueKind.TEXT),
    START_TIME("start_time", ValueKind.NUMBER),
    END_TIME("end_time", ValueKind.NUMBER),
    HAS_MODEL("has_model", ValueKind.BOOLEAN);

    /** What a field holds, which decides the comparators it accepts. */
    public enum ValueKind { NUMBER, TEXT, BOOLEAN }

    private static final Map<String, Attribute> BY_NAME = new TreeMap<>();

    static {
        for (Attribute a : values()) BY_NAME.put(a.wireName, a);
        BY_NAME.put("created", START_TIME); // MLflow's alias
    }

    private final String wireName;
    private final ValueKind kind;

    Attribute(String wireName, ValueKind kind) {
        this.wireName = wireName;
        this.kind = kind;
    }

    /** The name as MLflow writes it ({@code run_name}). */
    public String wireName() {
        return wireName;
    }

    public ValueKind kind() {
        return kind;
    }

    /**
     * Looks a name up case-insensitively, spaces read as underscores, so MLflow's
     * {@code "Run name"} and {@code created} aliases work.
     */
    public static Optional<Attribute> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT).replace(' ', '_')));
    }

    /** The accepted names, for error messages. */
    static String names() {
        return String.join(", ", BY_NAME.keySet());
    }
}
