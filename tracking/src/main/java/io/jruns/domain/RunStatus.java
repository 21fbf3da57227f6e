package io.jruns.domain;

/** MLflow's run states, with the numbers MLflow's file store writes in meta.yaml. */
public enum RunStatus {
    RUNNING(1), SCHEDULED(2), FINISHED(3), FAILED(4), KILLED(5);

    private final int code;

    RunStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean isTerminated() {
        return this == FINISHED || this == FAILED || this == KILLED;
    }

    public static RunStatus fromCode(int code) {
        for (RunStatus s : values()) {
            if (s.code == code) return s;
        }
        throw new IllegalArgumentException("unknown run status code " + code);
    }

    /** A status a run can end with (FINISHED, FAILED or KILLED), by name in any case; empty for any other text. */
    public static java.util.Optional<RunStatus> ending(String text) {
        if (text == null) return java.util.Optional.empty();
        for (RunStatus s : values()) {
            if (s.isTerminated() && s.name().equalsIgnoreCase(text.strip())) return java.util.Optional.of(s);
        }
        return java.util.Optional.empty();
    }

    /** Parses a status name case-insensitively, with a one-line error naming the choices. */
    public static RunStatus parse(String text) {
        for (RunStatus s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) return s;
        }
        throw io.jruns.domain.JrunsException.invalid("unknown run status '" + text
                + "' (expected RUNNING, SCHEDULED, FINISHED, FAILED or KILLED)");
    }
}
