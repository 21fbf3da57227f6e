package io.jruns.domain;

/**
 * The one exception jruns throws for a user-visible problem. The message is a single line
 * that says what was wrong and where; {@link #code()} uses MLflow's error codes so the REST
 * store can pass a server's error through unchanged.
 */
public class JrunsException extends RuntimeException {
    /** MLflow's error codes (the ones a tracking server sends back in {@code error_code}). */
    public enum Code {
        INVALID_PARAMETER_VALUE,
        RESOURCE_ALREADY_EXISTS,
        RESOURCE_DOES_NOT_EXIST,
        INVALID_STATE,
        NOT_IMPLEMENTED,
        INTERNAL_ERROR
    }

    private final Code code;

    public JrunsException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public JrunsException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    public static JrunsException invalid(String message) {
        return new JrunsException(Code.INVALID_PARAMETER_VALUE, message);
    }

    public static JrunsException notFound(String message) {
        return new JrunsException(Code.RESOURCE_DOES_NOT_EXIST, message);
    }
}
