package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;
import io.jruns.store.TrackingUri;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything the REST store needs to reach one server: its base URL (never with credentials
 * in it), how to authenticate, TLS, timeouts, retries, where the spool and the artifact cache
 * live, and where warnings go. {@link #fromEnvironment} reads MLflow's variables.
 */
public record RestConfig(
        String baseUrl,
        String displayName,
        Credentials credentials,
        boolean insecureTls,
        Duration connectTimeout,
        Duration readTimeout,
        RetryPolicy retry,
        Path home,
        Duration linger,
        int searchPageSize,
        Consumer<String> warnings) {

    public RestConfig {
        baseUrl = stripSlash(baseUrl);
        if (!baseUrl.matches("(?i)https?://[^/@\\s]+(/\\S*)?")) {
            throw JrunsException.invalid("MLflow server URL '" + TrackingUriText.redact(baseUrl)
                    + "' is not http(s)://host[:port][/path]");
        }
    }

    /** A config for {@code uri} (http(s)://..., databricks, databricks://PROFILE) from this environment. */
    public static RestConfig fromEnvironment(String uri, Map<String, String> env) {
        String raw = uri.trim();
        Credentials creds;
        String base;
        String name;
        if (raw.toLowerCase(Locale.ROOT).startsWith("databricks")) {
            Databricks.Host host = Databricks.resolve(raw, env);
            base = host.url();
            creds = Credentials.bearer(host.token());
            name = raw + " (" + TrackingUriText.redact(base) + ")";
        } else {
            base = TrackingUriText.redact(raw);
            creds = mlflowCredentials(env);
            String[] inUri = TrackingUriText.userInfo(raw);
            // as MLflow's Python client (requests) does: the URI's user:password when no variable gives credentials
            if (creds == Credentials.NONE && inUri != null) creds = Credentials.basic(inUri[0], inUri[1]);
            name = base;
        }
        boolean insecure = "true".equalsIgnoreCase(trim(env.get("MLFLOW_TRACKING_INSECURE_TLS")));
        Duration timeout = Duration.ofSeconds(positive(env, "MLFLOW_HTTP_REQUEST_TIMEOUT", 120));
        int retries = (int) Math.min(20, nonNegative(env, "MLFLOW_HTTP_REQUEST_MAX_RETRIES", 4));
        // MLflow waits backoff_factor * 2^n (urllib3); set, its factor gives the same schedule, capped at 120 s
        String factor = trim(env.get("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR"));
        RetryPolicy retry = factor == null
                ? new RetryPolicy(retries + 1, RetryPolicy.DEFAULT.base(), RetryPolicy.DEFAULT.cap())
                : new RetryPolicy(retries + 1, Duration.ofMillis(2 * Math.round(1000 * backoffFactor(factor))),
                        Duration.ofSeconds(120));
        return new RestConfig(base, name, creds, insecure, Duration.ofSeconds(10), timeout, retry,
                TrackingUri.home(env), Duration.ofMillis(500), 1000, System.err::println);
    }

    private static double backoffFactor(String text) {
        try {
            double f = Double.parseDouble(text);
            if (f >= 0 && f <= 60) return f;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw JrunsException.invalid("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR must be a number of seconds from 0 to 60, got '"
                + text + "'");
    }

    /** MLflow's rule: user name and password (both) mean basic auth; else a token means bearer. */
    static Credentials mlflowCredentials(Map<String, String> env) {
        String user = trim(env.get("MLFLOW_TRACKING_USERNAME"));
        String password = trim(env.get("MLFLOW_TRACKING_PASSWORD"));
        String token = trim(env.get("MLFLOW_TRACKING_TOKEN"));
        if (user != null && password != null) return Credentials.basic(user, password);
        if ((user == null) != (password == null)) {
            throw JrunsException.invalid("MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD must be set together ("
                    + (user == null ? "the user name" : "the password") + " is missing)");
        }
        return token != null ? Credentials.bearer(token) : Credentials.NONE;
    }

    public RestConfig withRetry(RetryPolicy r) {
        return new RestConfig(baseUrl, displayName, credentials, insecureTls, connectTimeout, readTimeout, r, home,
                linger, searchPageSize, warnings);
    }

    public RestConfig withWarnings(Consumer<String> w) {
        return new RestConfig(baseUrl, displayName, credentials, insecureTls, connectTimeout, readTimeout, retry, home,
                linger, searchPageSize, w);
    }

    public RestConfig withTimeouts(Duration connect, Duration read) {
        return new RestConfig(baseUrl, displayName, credentials, insecureTls, connect, read, retry, home,
                linger, searchPageSize, warnings);
    }

    public RestConfig withSearchPageSize(int size) {
        return new RestConfig(baseUrl, displayName, credentials, insecureTls, connectTimeout, readTimeout, retry, home,
                linger, size, warnings);
    }

    public RestConfig withLinger(Duration d) {
        return new RestConfig(baseUrl, displayName, credentials, insecureTls, connectTimeout, readTimeout, retry, home,
                d, searchPageSize, warnings);
    }

    /** A short stable name for this server's files: the spool and the artifact cache. */
    String fileKey() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(baseUrl.toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    Path spoolFile() {
        return home.resolve("spool").resolve(fileKey() + ".spool");
    }

    Path artifactCache() {
        return home.resolve("cache").resolve("artifacts").resolve(fileKey());
    }

    @Override
    public String toString() {
        return "RestConfig[" + displayName + ", " + credentials + (insecureTls ? ", TLS not verified" : "") + "]";
    }

    private static String stripSlash(String s) {
        if (s == null) throw JrunsException.invalid("MLflow server URL is missing");
        String t = s.trim();
        while (t.endsWith("/")) t = t.substring(0, t.length() - 1);
        return t;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static long positive(Map<String, String> env, String name, long dflt) {
        long v = nonNegative(env, name, dflt);
        if (v == 0) throw JrunsException.invalid(name + " must be a positive number of seconds, got 0");
        return v;
    }

    private static long nonNegative(Map<String, String> env, String name, long dflt) {
        String v = trim(env.get(name));
        if (v == null) return dflt;
        try {
            long n = Long.parseLong(v);
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw JrunsException.invalid(name + " must be a whole number >= 0, got '" + v + "'");
    }
}
