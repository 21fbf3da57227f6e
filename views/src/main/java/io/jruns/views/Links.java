package io.jruns.views;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a view's runs, notebooks and artifacts link to: the pages of a running jruns ui, or
 * nowhere ({@link #NONE}, so a view never shows a dead link). The paths are the UI's stable ones.
 */
public interface Links {
    Links NONE = new Links() {
        @Override
        public Optional<String> root() {
            return Optional.empty();
        }
    };

    /** The UI's root URL ending in '/', e.g. {@code http://127.0.0.1:5055/}; empty when no UI serves the store. */
    Optional<String> root();

    /** Links into the UI served at {@code root} ({@code http://host:port/} or {@code /} for the UI's own pages). */
    static Links ui(String root) {
        String r = root.endsWith("/") ? root : root + "/";
        return () -> Optional.of(r);
    }

    default Optional<String> experiment(String experimentId) {
        return root().map(r -> r + "experiments/" + segment(experimentId));
    }

    default Optional<String> run(String runId) {
        return root().map(r -> r + "runs/" + segment(runId));
    }

    /** The stored notebook version that made the run, with the cells that logged to it marked. */
    default Optional<String> notebook(String runId) {
        return run(runId).map(u -> u + "/notebook");
    }

    /** One artifact of a run; {@code path} is relative to the run's artifact root, '/'-separated. */
    default Optional<String> artifact(String runId, String path) {
        StringBuilder p = new StringBuilder();
        for (String part : path.split("/")) if (!part.isEmpty()) p.append('/').append(segment(part));
        return run(runId).map(u -> u + "/artifacts" + p);
    }

    default Optional<String> compare(java.util.List<String> runIds) {
        return root().map(r -> r + "compare?runs=" + String.join(",", runIds.stream().map(Links::segment).toList()));
    }

    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
