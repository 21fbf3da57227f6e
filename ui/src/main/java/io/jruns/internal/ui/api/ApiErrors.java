package io.jruns.internal.ui.api;

import io.jruns.domain.JrunsException;
import io.jruns.internal.json.Json;
import io.jruns.internal.ui.http.Response;

/**
 * A failure as MLflow's server answers it: {@code {"error_code": ..., "message": ...}} with its
 * HTTP status (400 for a bad value, an existing name or a run in the wrong state, 404 for what
 * does not exist, 501 for what jruns does not do). Anything else is a 500 with a one-line
 * message; the stack trace stays in the server.
 */
final class ApiErrors {
    private ApiErrors() {
    }

    static Response of(Throwable e) {
        if (e instanceof JrunsException j) return of(status(j.code()), j.code().name(), j.getMessage());
        if (e instanceof IllegalArgumentException) return of(400, "INVALID_PARAMETER_VALUE", e.getMessage());
        return of(500, "INTERNAL_ERROR", "internal error: " + e);
    }

    static Response of(int status, String code, String message) {
        return Response.json(status, Json.MAPPER.createObjectNode().put("error_code", code).put("message", message).toString());
    }

    /** MLflow's mapping (mlflow/exceptions.py), except INVALID_STATE: a refusal here, so clients do not retry it. */
    static int status(JrunsException.Code code) {
        return switch (code) {
            case INVALID_PARAMETER_VALUE, RESOURCE_ALREADY_EXISTS, INVALID_STATE -> 400;
            case RESOURCE_DOES_NOT_EXIST -> 404;
            case NOT_IMPLEMENTED -> 501;
            case INTERNAL_ERROR -> 500;
        };
    }
}
