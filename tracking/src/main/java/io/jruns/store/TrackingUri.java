package io.jruns.store;

import io.jruns.domain.JrunsException;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;

/**
 * Where runs go, chosen by a tracking URI: unset, a folder, a {@code file:} or {@code sqlite:}
 * URI means the embedded store; {@code http(s)://} or {@code databricks} means an MLflow
 * server over REST. Precedence: explicit value, {@code JRUNS_TRACKING_URI},
 * {@code MLFLOW_TRACKING_URI}, then {@code $JRUNS_HOME} (default {@code ~/.jruns}).
 */
public record TrackingUri(Kind kind, String uri, Path databaseFile, Path artifactRoot) {

    public enum Kind { EMBEDDED, REST }

    public static final String DB_FILE_NAME = "jruns.db";

    /** Resolves with this process's environment. */
    public static TrackingUri resolve(String explicit) {
        return resolve(explicit, System.getenv());
    }

    public static TrackingUri resolve(String explicit, Map<String, String> env) {
        String raw = firstSet(explicit, env.get("JRUNS_TRACKING_URI"), env.get("MLFLOW_TRACKING_URI"));
        if (raw == null) return embeddedHome(home(env));
        return parse(raw.trim());
    }

    /** The jruns home: {@code $JRUNS_HOME}, else {@code ~/.jruns}. */
    public static Path home(Map<String, String> env) {
        String h = env.get("JRUNS_HOME");
        if (h != null && !h.isBlank()) return Paths.get(h).toAbsolutePath();
        return Paths.get(userHome(env), ".jruns");
    }

    /** {@code $HOME} as the shell, Python and Jupyter read it (a container or CI may set it), else the account's. */
    public static String userHome(Map<String, String> env) {
        String h = env.get("HOME");
        return h != null && !h.isBlank() ? h : System.getProperty("user.home");
    }

    public static TrackingUri parse(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.equals("databricks")
                || lower.startsWith("databricks://")) {
            return new TrackingUri(Kind.REST, redact(raw), null, null);
        }
        if (lower.startsWith("sqlite:")) {
            // MLflow's (SQLAlchemy's) form: sqlite:///relative.db, sqlite:////absolute/path.db.
            String path = raw.substring("sqlite:".length());
            path = path.startsWith("///") ? path.substring(3) : path.replaceFirst("^//", "");
            if (path.isEmpty() || path.endsWith("/")) throw JrunsException.invalid("tracking URI '" + raw + "' names no database file");
            return embeddedFile(Paths.get(path).toAbsolutePath());
        }
        if (lower.startsWith("file:")) {
            try {
                return embeddedHome(Paths.get(URI.create(raw)));
            } catch (IllegalArgumentException e) {
                throw JrunsException.invalid("tracking URI '" + redact(raw) + "' is not a local file URI ("
                        + e.getMessage() + "); use file:///absolute/path or a plain path");
            }
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
            throw JrunsException.invalid("tracking URI scheme of '" + redact(raw)
                    + "' is not supported (use a folder, sqlite:///file.db, http(s)://host or databricks)");
        }
        // A server without its scheme, or a scheme without "//", became a folder of that name in the
        // current one: the runs went there, not to the server. A folder so named is written ./x:y.
        if (lower.matches("^[a-z][a-z0-9+.-]+:.*") || lower.matches("^([^/]*@)?[0-9a-z.-]+:[0-9]+(/.*)?$")) {
            String shown = raw.replaceFirst("^[^/@]*@", ""); // user:password@host:port
            String hint = shown.toLowerCase(Locale.ROOT).matches("^[a-z0-9.-]+:[0-9]+(/.*)?$") ? "http://" + shown
                    : "http(s)://host:port, sqlite:///file.db or file:///folder";
            throw JrunsException.invalid("tracking URI '" + shown + "' is neither a supported URI nor a folder;"
                    + " did you mean " + hint + "? (a folder with ':' in its name: ./" + shown + ")");
        }
        // ~ is the shell's: a path typed as in a terminal means the home folder, not a folder named "~"
        String path = raw.equals("~") || raw.startsWith("~/") ? userHome(System.getenv()) + raw.substring(1) : raw;
        Path p = Paths.get(path).toAbsolutePath();
        return p.toString().endsWith(".db") ? embeddedFile(p) : embeddedHome(p);
    }

    private static TrackingUri embeddedHome(Path home) {
        Path h = home.toAbsolutePath().normalize();
        return new TrackingUri(Kind.EMBEDDED, h.toString(), h.resolve(DB_FILE_NAME), h.resolve("artifacts"));
    }

    private static TrackingUri embeddedFile(Path db) {
        Path d = db.normalize();
        return new TrackingUri(Kind.EMBEDDED, "sqlite:///" + d, d, d.resolveSibling("artifacts"));
    }

    /** Drops user:password@ from a URI so it can be shown. */
    static String redact(String raw) {
        return raw.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/]*@", "$1");
    }

    private static String firstSet(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return null;
    }

    @Override
    public String toString() {
        return uri;
    }
}
