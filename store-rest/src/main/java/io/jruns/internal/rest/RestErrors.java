package io.jruns.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.domain.JrunsException;
import io.jruns.domain.JrunsException.Code;
import io.jruns.json.RestJson;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.function.Supplier;

/**
 * Turns what went wrong with a request into one-line {@link RestException}s: MLflow's JSON
 * errors keep the server's message and map its {@code error_code}; HTML pages, I/O errors and
 * timeouts get a sentence saying what happened. Every message passes through the credentials'
 * scrubber, so a token echoed by a proxy still never shows.
 */
final class RestErrors {
    private static final int MAX_MESSAGE = 400;

    private RestErrors() {
    }

    static RestException fromAnswer(int status, String contentType, String body, String call, RestConfig config) {
        JsonNode json = tryJson(contentType, body);
        String where = " (" + call + " on " + config.displayName() + ": HTTP " + status;
        if (json != null && json.hasNonNull("error_code")) {
            String errorCode = json.get("error_code").asText();
            String message = json.hasNonNull("message") ? json.get("message").asText() : errorCode;
            RestException.Kind kind = status == 401 || status == 403 ? RestException.Kind.AUTH
                    : status == 429 || status >= 500 ? RestException.Kind.UNAVAILABLE : RestException.Kind.REFUSED;
            if ("ENDPOINT_NOT_FOUND".equals(errorCode)) kind = RestException.Kind.NO_ENDPOINT;
            // MLflow's SQL store answers 500 when a batch breaks a constraint (two NaN points of one
            // key, step and time): the same request fails the same way every time, so it is refused.
            if (status == 500 && message.contains("IntegrityError")) kind = RestException.Kind.REFUSED;
            return new RestException(kind, code(errorCode, status), status, errorCode,
                    clean(message, config) + where + " " + errorCode + ")", whole(message, config), null);
        }
        if (status == 401 || status == 403) {
            return new RestException(RestException.Kind.AUTH, Code.INVALID_STATE, status, null,
                    "the MLflow server refused the credentials (" + config.credentials() + ")" + where + ")", null);
        }
        if (status == 404 || status == 405) {
            return new RestException(RestException.Kind.NO_ENDPOINT, Code.NOT_IMPLEMENTED, status, null,
                    "the server has no such endpoint; is this an MLflow tracking server, with the right path?"
                            + where + ")", null);
        }
        // MLflow refuses values with its JSON error; any other answer (a proxy's error page, a
        // gateway's 408 or 413) says nothing about them, so they are kept and sent again.
        String text = body == null || body.isBlank() ? "no details" : "answer: " + clean(htmlTitle(body), config);
        String who = status >= 500 || status == 429 ? "the MLflow server could not carry out the request, "
                : "the server, or a proxy in front of it, answered without MLflow's error JSON, ";
        return new RestException(RestException.Kind.UNAVAILABLE, Code.INTERNAL_ERROR, status, null, who + text + where + ")", null);
    }

    /** A redirect (never followed): where it points, and the tracking URI that would reach the API there. */
    static RestException redirected(int status, String location, HttpUrl from, String call, RestConfig config) {
        HttpUrl to = location == null ? null : from.resolve(location);
        String where = to == null ? "elsewhere (no Location)" : clean(to.toString(), config);
        int api = to == null ? -1 : to.toString().indexOf("/api/2.0/");
        String advice = api > 0 ? "set the tracking URI to where it points (e.g. " + clean(to.toString().substring(0, api), config) + ")"
                : "set the tracking URI to the MLflow server itself (a redirect away from the API is often a login page)";
        return new RestException(RestException.Kind.UNAVAILABLE, Code.INVALID_STATE, status, null,
                config.displayName() + " redirected " + call + " to " + where + " (HTTP " + status + "); " + advice, null);
    }

    static RestException fromIo(IOException e, String call, RestConfig config) {
        String what;
        if (e instanceof ConnectException) what = "cannot connect (is the server running?)";
        else if (e instanceof UnknownHostException) what = "unknown host";
        else if (e instanceof NoRouteToHostException) what = "no route to host";
        else if (e instanceof SocketTimeoutException) what = "timed out";
        else what = "connection failed";
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : clean(e.getMessage(), config);
        return new RestException(RestException.Kind.UNAVAILABLE, Code.INTERNAL_ERROR, 0, null,
                config.displayName() + ": " + what + ": " + detail + " (" + call + ")", null);
    }

    static RestException malformed(JrunsException parse, String call, RestConfig config) {
        String what = parse.getMessage() == null ? "" : parse.getMessage().replaceFirst("^MLflow JSON: ", "");
        return new RestException(RestException.Kind.MALFORMED, Code.INTERNAL_ERROR, 200, null,
                "the server answered " + call + " with something that is not MLflow's JSON: "
                        + clean(what, config) + " (" + config.displayName() + ")", null);
    }

    /**
     * What {@code reading} makes of the answer to {@code call}: a field missing or of the wrong
     * type is a malformed answer, named with the call and the server (the reader knows neither).
     */
    static <T> T reading(String call, RestConfig config, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (RestException e) {
            throw e;
        } catch (JrunsException e) {
            throw malformed(e, call, config);
        }
    }

    /**
     * A create that failed after it may have reached the server (a timeout, a dropped
     * connection): it is not sent again, and the user is told it may exist all the same.
     */
    static RestException mayHaveArrived(RestException failure, String call) {
        String what = call.endsWith("runs/create") ? "the run" : call.endsWith("experiments/create") ? "the experiment" : null;
        String note = what == null ? "; the server may have carried it out all the same"
                : "; " + what + " may have been created on the server all the same: look for it before creating it again";
        return new RestException(failure.kind(), failure.code(), failure.httpStatus(), failure.errorCode(),
                failure.getMessage() + note, failure.serverMessage(), failure.getCause());
    }

    /** Whether a connection error means the request cannot have reached the server. */
    static boolean notSent(IOException e) {
        return e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException;
    }

    static Code code(String errorCode, int status) {
        switch (errorCode) {
            case "INVALID_PARAMETER_VALUE", "BAD_REQUEST", "INVALID_REQUEST", "MALFORMED_REQUEST",
                    "MAX_BLOCK_SIZE_EXCEEDED", "MAX_READ_SIZE_EXCEEDED" -> {
                return Code.INVALID_PARAMETER_VALUE;
            }
            case "RESOURCE_ALREADY_EXISTS" -> {
                return Code.RESOURCE_ALREADY_EXISTS;
            }
            case "RESOURCE_DOES_NOT_EXIST", "NOT_FOUND" -> {
                return Code.RESOURCE_DOES_NOT_EXIST;
            }
            case "INVALID_STATE", "PERMISSION_DENIED", "UNAUTHENTICATED" -> {
                return Code.INVALID_STATE;
            }
            case "NOT_IMPLEMENTED", "ENDPOINT_NOT_FOUND", "FEATURE_DISABLED" -> {
                return Code.NOT_IMPLEMENTED;
            }
            default -> {
                return status >= 400 && status < 500 && status != 429 ? Code.INVALID_PARAMETER_VALUE : Code.INTERNAL_ERROR;
            }
        }
    }

    private static JsonNode tryJson(String contentType, String body) {
        if (body == null || body.isBlank()) return null;
        String t = body.trim();
        if (!t.startsWith("{")) return null;
        try {
            JsonNode n = RestJson.parse(t);
            return n.isObject() ? n : null;
        } catch (JrunsException e) {
            return null;
        }
    }

    /** An HTML page's title (what an error page says), else the text itself. */
    private static String htmlTitle(String body) {
        int open = body.indexOf("<title>");
        int close = body.indexOf("</title>");
        return open >= 0 && close > open ? body.substring(open + 7, close) : body;
    }

    /** Every line of a server's message on one line (" / " between them), with secrets removed. */
    static String whole(String text, RestConfig config) {
        String s = config.credentials().scrub(text == null ? "" : text).strip();
        s = s.replaceAll("\\s*\\R\\s*", " / ");
        if (s.length() > 4 * MAX_MESSAGE) s = s.substring(0, 4 * MAX_MESSAGE - 3) + "...";
        return s;
    }

    /** The first line, shortened, with secrets removed. */
    static String clean(String text, RestConfig config) {
        String s = config.credentials().scrub(text == null ? "" : text).strip();
        int nl = s.indexOf('\n');
        if (nl >= 0) s = s.substring(0, nl).strip();
        if (s.length() > MAX_MESSAGE) s = s.substring(0, MAX_MESSAGE - 3) + "...";
        return s;
    }
}
