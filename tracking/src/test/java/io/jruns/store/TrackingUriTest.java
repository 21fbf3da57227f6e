package io.jruns.store;

import io.jruns.domain.JrunsException;
import io.jruns.store.TrackingUri.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackingUriTest {
    private static final Path HOME = Paths.get(System.getProperty("user.home"));
    private static final Path CWD = Paths.get("").toAbsolutePath();
    /** What ~ means to a shell running these tests. */
    private static final Path SHELL_HOME = Paths.get(System.getenv("HOME") != null ? System.getenv("HOME") : System.getProperty("user.home"));

    private static Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    /** explicit URI, environment, expected database file, expected artifact root. */
    static Stream<Arguments> embedded() {
        return Stream.of(
                Arguments.of(null, env(), HOME.resolve(".jruns/jruns.db"), HOME.resolve(".jruns/artifacts")),
                Arguments.of("  ", env(), HOME.resolve(".jruns/jruns.db"), HOME.resolve(".jruns/artifacts")),
                Arguments.of(null, env("JRUNS_HOME", "/srv/jr"), Path.of("/srv/jr/jruns.db"), Path.of("/srv/jr/artifacts")),
                Arguments.of(null, env("JRUNS_HOME", " "), HOME.resolve(".jruns/jruns.db"), HOME.resolve(".jruns/artifacts")),
                // $HOME as a container or CI sets it, as Jupyter and Python read it
                Arguments.of(null, env("HOME", "/home/ann"), Path.of("/home/ann/.jruns/jruns.db"), Path.of("/home/ann/.jruns/artifacts")),
                Arguments.of("~/runs", env(), SHELL_HOME.resolve("runs/jruns.db"), SHELL_HOME.resolve("runs/artifacts")),
                Arguments.of("~/runs/x.db", env(), SHELL_HOME.resolve("runs/x.db"), SHELL_HOME.resolve("runs/artifacts")),
                Arguments.of(null, env("MLFLOW_TRACKING_URI", "/m"), Path.of("/m/jruns.db"), Path.of("/m/artifacts")),
                Arguments.of(null, env("JRUNS_TRACKING_URI", "/j", "MLFLOW_TRACKING_URI", "/m", "JRUNS_HOME", "/h"),
                        Path.of("/j/jruns.db"), Path.of("/j/artifacts")),
                Arguments.of("/x", env("JRUNS_TRACKING_URI", "/j", "MLFLOW_TRACKING_URI", "/m"),
                        Path.of("/x/jruns.db"), Path.of("/x/artifacts")),
                Arguments.of("", env("MLFLOW_TRACKING_URI", "/m"), Path.of("/m/jruns.db"), Path.of("/m/artifacts")),
                Arguments.of("/data/store", env(), Path.of("/data/store/jruns.db"), Path.of("/data/store/artifacts")),
                Arguments.of("/data/a/../store/", env(), Path.of("/data/store/jruns.db"), Path.of("/data/store/artifacts")),
                Arguments.of("rel/store", env(), CWD.resolve("rel/store/jruns.db"), CWD.resolve("rel/store/artifacts")),
                Arguments.of("  /data/store  ", env(), Path.of("/data/store/jruns.db"), Path.of("/data/store/artifacts")),
                Arguments.of("file:///data/store", env(), Path.of("/data/store/jruns.db"), Path.of("/data/store/artifacts")),
                Arguments.of("file:/data/store", env(), Path.of("/data/store/jruns.db"), Path.of("/data/store/artifacts")),
                Arguments.of("/data/s/mine.db", env(), Path.of("/data/s/mine.db"), Path.of("/data/s/artifacts")),
                Arguments.of("rel/mine.db", env(), CWD.resolve("rel/mine.db"), CWD.resolve("rel/artifacts")),
                // SQLAlchemy's (so MLflow's) form: three slashes then a relative path, four for an absolute one.
                Arguments.of("sqlite:///mlflow.db", env(), CWD.resolve("mlflow.db"), CWD.resolve("artifacts")),
                Arguments.of("sqlite:///sub/x.db", env(), CWD.resolve("sub/x.db"), CWD.resolve("sub/artifacts")),
                Arguments.of("sqlite:////data/s/x.db", env(), Path.of("/data/s/x.db"), Path.of("/data/s/artifacts")),
                Arguments.of("SQLITE:////data/s/x.db", env(), Path.of("/data/s/x.db"), Path.of("/data/s/artifacts")));
    }

    @ParameterizedTest
    @MethodSource("embedded")
    void embeddedStoreLocations(String explicit, Map<String, String> env, Path db, Path artifacts) {
        TrackingUri uri = TrackingUri.resolve(explicit, env);
        assertEquals(Kind.EMBEDDED, uri.kind());
        assertEquals(db, uri.databaseFile());
        assertEquals(artifacts, uri.artifactRoot());
        // What toString shows names the same store when used again.
        TrackingUri again = TrackingUri.resolve(uri.toString(), env());
        assertEquals(db, again.databaseFile(), () -> "round trip of " + uri);
        assertEquals(artifacts, again.artifactRoot(), () -> "round trip of " + uri);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:5000", "https://mlflow.example.com", "HTTPS://Host:443/path",
            "databricks", "Databricks", "databricks://my-profile"})
    void restUris(String raw) {
        TrackingUri uri = TrackingUri.resolve(raw, env());
        assertEquals(Kind.REST, uri.kind());
        assertNull(uri.databaseFile());
        assertNull(uri.artifactRoot());
        assertEquals(raw, uri.toString());
    }

    @Test
    void restFromEnvironment() {
        assertEquals(Kind.REST, TrackingUri.resolve(null, env("MLFLOW_TRACKING_URI", "http://h:5000")).kind());
        assertEquals(Kind.EMBEDDED, TrackingUri.resolve(null,
                env("JRUNS_TRACKING_URI", "/j", "MLFLOW_TRACKING_URI", "http://h:5000")).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://user:s3cr3tpw@host:5000", "https://user:s3cr3tpw@host/x", "https://s3cr3tpw@host",
            "HTTP://user:s3cr3tpw@host", "https://user:p@s3cr3tpw@host/x"})
    void credentialsAreNeverShown(String raw) {
        TrackingUri uri = TrackingUri.resolve(raw, env());
        assertEquals(Kind.REST, uri.kind());
        assertFalse(uri.toString().contains("s3cr3tpw"), uri.toString());
        assertFalse(uri.toString().contains("user"), uri.toString());
        assertFalse(uri.uri().contains("s3cr3tpw"), uri.uri());
        assertTrue(uri.toString().toLowerCase().contains("host"), uri.toString());
        // Without jruns-store-rest, opening it is an error that says what to add (and no secret).
        JrunsException e = assertThrows(JrunsException.class, () -> Stores.open(uri, env()));
        assertTrue(e.getMessage().contains("jruns-store-rest"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3tpw"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://bucket/runs", "ftp://host/x", "postgresql://u:s3cr3tpw@db/mlflow", "mysql+pymysql://h/db",
            "sqlite:", "file://otherhost/data", "file:relative/dir", "sqlite:////", "sqlite:///dir/",
            // a server without its scheme, or a scheme without "//", was a folder in the current one
            "localhost:18777", "127.0.0.1:5000", "http:/127.0.0.1:5000", "http:127.0.0.1:5000",
            "mlflow-artifacts:/x", "u:s3cr3tpw@mlflow.example.com:5000"})
    void unsupportedOrMalformedUrisAreOneLineErrors(String raw) {
        JrunsException e = assertThrows(JrunsException.class, () -> TrackingUri.resolve(raw, env()));
        assertEquals(JrunsException.Code.INVALID_PARAMETER_VALUE, e.code());
        String msg = e.getMessage();
        assertFalse(msg.contains("\n"), msg);
        assertTrue(msg.contains("tracking URI"), msg);
        assertFalse(msg.contains("s3cr3tpw"), msg);
    }

    @Test
    void aServerWithoutItsSchemeIsToldHowToWriteIt() {
        String msg = assertThrows(JrunsException.class, () -> TrackingUri.resolve("localhost:18777", env())).getMessage();
        assertTrue(msg.contains("did you mean http://localhost:18777?"), msg);
        assertTrue(msg.contains("./localhost:18777"), msg);
        // a folder with a colon is still one when written as a path
        assertEquals(Kind.EMBEDDED, TrackingUri.resolve("./runs:2024", env()).kind());
        assertEquals(Kind.EMBEDDED, TrackingUri.resolve("/tmp/runs:2024", env()).kind());
    }

    @Test
    void homeDefaultsToDotJrunsInUserHome() {
        assertEquals(HOME.resolve(".jruns"), TrackingUri.home(env()));
        assertEquals(Path.of("/opt/j"), TrackingUri.home(env("JRUNS_HOME", "/opt/j")));
    }
}
