package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;

/**
 * A request the server did not carry out, with what kind of failure it was: the logging path
 * drops only what the server {@link Kind#REFUSED refused} and keeps everything else for later.
 */
public final class RestException extends JrunsException {
    public enum Kind {
        /** An MLflow error answer about the request's content (bad value, missing run, ...). */
        REFUSED,
        /** Not reached, timed out, 429 or 5xx after every retry: may work later. */
        UNAVAILABLE,
        /** 401 or 403: the credentials were refused. */
        AUTH,
        /** The server has no such endpoint (404/405 that is not an MLflow error). */
        NO_ENDPOINT,
        /** The answer was not the JSON MLflow sends. */
        MALFORMED
    }

    private final Kind kind;
    private final int httpStatus;
    private final String errorCode;
    private final String serverMessage;

    RestException(Kind kind, Code code, int httpStatus, String errorCode, String message, Throwable cause) {
        this(kind, code, httpStatus, errorCode, message, null, cause);
    }

    RestException(Kind kind, Code code, int httpStatus, String errorCode, String message, String serverMessage,
                  Throwable cause) {
        super(code, message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.serverMessage = serverMessage;
    }

    /** The server's whole message (every line, joined with " / "; scrubbed), null when it sent none. */
    public String serverMessage() {
        return serverMessage;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, 0 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** MLflow's {@code error_code}, null when the answer was not an MLflow error. */
    public String errorCode() {
        return errorCode;
    }

    /** Whether the data of a failed logging request must be kept to send again. */
    public boolean keepData() {
        return kind != Kind.REFUSED;
    }
}
