package io.jruns.internal.ui.http;

/** Answers one routed request. A {@code JrunsException} thrown becomes a clear error page or JSON error. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request) throws Exception;
}
