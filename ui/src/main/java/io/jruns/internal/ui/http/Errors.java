package io.jruns.internal.ui.http;

import io.jruns.domain.JrunsException;
import io.jruns.views.html.Html;

/**
 * A failure as an answer: MLflow's JSON error shape under {@code /api/}, a short page
 * elsewhere. The message is the exception's one line (escaped); stack traces stay in the server.
 */
public final class Errors {
    private Errors() {
    }

    public static int status(JrunsException.Code code) {
        return switch (code) {
            case INVALID_PARAMETER_VALUE, INVALID_STATE -> 400;
            case RESOURCE_DOES_NOT_EXIST -> 404;
            case RESOURCE_ALREADY_EXISTS -> 409;
            case NOT_IMPLEMENTED -> 501;
            case INTERNAL_ERROR -> 500;
        };
    }

    public static Response of(Request r, Throwable e) {
        JrunsException.Code code = e instanceof JrunsException j ? j.code() : JrunsException.Code.INTERNAL_ERROR;
        String message = e instanceof JrunsException ? e.getMessage() : "internal error: " + e;
        return of(r, status(code), code.name(), message);
    }

    public static Response of(Request r, int status, String code, String message) {
        if (r.path().startsWith("/api/")) {
            String json = io.jruns.internal.json.Json.MAPPER.createObjectNode().put("error_code", code).put("message", message).toString();
            return Response.json(status, json);
        }
        String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>jruns ui: error</title><link rel=\"icon\" href=\"data:,\">"
                + "<link rel=\"stylesheet\" href=\"/static/ui.css\"></head><body><main class=\"jr-error\"><h1>"
                + status + "</h1><p>" + Html.escape(message) + "</p><p><a href=\"/\">All experiments</a></p></main></body></html>";
        return Response.of(status, Response.HTML, page);
    }
}
