package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;

import java.util.Locale;

/**
 * Where a run's artifacts are, from its artifact URI. The REST store reaches artifacts only
 * through the server's proxy, which serves {@code mlflow-artifacts:} URIs; a run whose
 * artifacts are in S3, GCS, DBFS or a server-side folder gets an error naming the scheme.
 */
final class ArtifactPaths {
    private static final String SCHEME = "mlflow-artifacts:";

    private ArtifactPaths() {
    }

    /** The proxy path of the run's artifact root (e.g. {@code 1/<run>/artifacts}). */
    static String root(String runId, String artifactUri) {
        if (artifactUri == null || artifactUri.isBlank()) {
            throw new JrunsException(JrunsException.Code.INVALID_STATE, "run '" + runId + "' has no artifact URI");
        }
        if (!artifactUri.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            String scheme = artifactUri.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")
                    ? artifactUri.substring(0, artifactUri.indexOf(':')) : "a local path on the server";
            throw new JrunsException(JrunsException.Code.NOT_IMPLEMENTED, "run '" + runId + "' keeps its artifacts at '"
                    + TrackingUriText.redact(artifactUri) + "' (" + (scheme.startsWith("a ") ? scheme : "scheme '" + scheme + "'")
                    + "): jruns reads and writes artifacts only through the MLflow server's artifact proxy "
                    + "(mlflow-artifacts: URIs, 'mlflow server --serve-artifacts'); use that store's own tools for it");
        }
        String rest = artifactUri.substring(SCHEME.length());
        if (rest.startsWith("//")) { // mlflow-artifacts://host:port/path: the path is what counts
            int slash = rest.indexOf('/', 2);
            rest = slash < 0 ? "" : rest.substring(slash);
        }
        while (rest.startsWith("/")) rest = rest.substring(1);
        while (rest.endsWith("/")) rest = rest.substring(0, rest.length() - 1);
        return rest;
    }

    /** A path below the run's root: relative, no {@code ..}, {@code .} or empty segments; "" for the root. */
    static String relative(String path) {
        if (path == null) return "";
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) p = p.substring(2);
        while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        if (p.isEmpty() || p.equals(".")) return "";
        if (p.startsWith("/") || p.matches("^[a-zA-Z]:.*")) {
            throw JrunsException.invalid("artifact path '" + path + "' must be relative to the run's artifact folder");
        }
        for (String seg : p.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                throw JrunsException.invalid("artifact path '" + path + "' may not contain '..', '.' or empty parts");
            }
        }
        return p;
    }

    static String join(String a, String b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return a + "/" + b;
    }
}
