package io.jruns.internal.ui.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Method + path pattern → handler. A pattern's segments are literals, {@code {name}} (one
 * segment) or a last {@code {name...}} (the rest of the path, slashes included). The first
 * route added that matches wins; a path that matches with another method is a 405.
 */
public final class Router {
    private record Route(String method, String[] segments, Handler handler) {
    }

    /** A match: the handler and the request carrying its path parameters. */
    public record Match(Handler handler, Request request) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router get(String pattern, Handler h) {
        return add("GET", pattern, h);
    }

    public Router post(String pattern, Handler h) {
        return add("POST", pattern, h);
    }

    public Router add(String method, String pattern, Handler h) {
        if (!pattern.startsWith("/")) throw new IllegalArgumentException("a route starts with /: " + pattern);
        routes.add(new Route(method, split(pattern), h));
        return this;
    }

    /** The route for a request; empty when no pattern matches the path. */
    public Optional<Match> route(Request r) {
        String[] path = split(r.path());
        boolean pathMatched = false;
        for (Route route : routes) {
            Map<String, String> params = match(route.segments, path);
            if (params == null) continue;
            pathMatched = true;
            boolean head = r.method().equals("HEAD") && route.method.equals("GET");
            if (route.method.equals(r.method()) || head) return Optional.of(new Match(route.handler, r.withParams(params)));
        }
        if (pathMatched) return Optional.of(new Match(x -> Response.text(405, "method " + r.method() + " is not allowed here"), r));
        return Optional.empty();
    }

    private static Map<String, String> match(String[] pattern, String[] path) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("...}")) {
                if (i >= path.length) return null;
                params.put(p.substring(1, p.length() - 4), String.join("/", java.util.Arrays.copyOfRange(path, i, path.length)));
                return params;
            }
            if (i >= path.length) return null;
            if (p.startsWith("{") && p.endsWith("}")) params.put(p.substring(1, p.length() - 1), path[i]);
            else if (!p.equals(path[i])) return null;
        }
        return pattern.length == path.length ? params : null;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }
}
