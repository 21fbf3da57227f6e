package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tracking URIs and MLflow's environment variables to a server, credentials and settings. */
class RestConfigTest {
    @TempDir
    Path home;

    private Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>();
        m.put("JRUNS_HOME", home.toString());
        m.put("HOME", home.toString());
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @ParameterizedTest
    @CsvSource({"http://localhost:5000, http://localhost:5000", "https://mlflow.example.com/, https://mlflow.example.com",
            "HTTPS://Host:443/prefix/mlflow//, HTTPS://Host:443/prefix/mlflow"})
    void baseUrls(String uri, String base) {
        RestConfig c = RestConfig.fromEnvironment(uri, env());
        assertEquals(base, c.baseUrl());
        assertEquals(Credentials.Kind.NONE, c.credentials().kind());
    }

    @Test
    void credentialsFollowMlflowsRules() {
        assertEquals(Credentials.Kind.BEARER, RestConfig.fromEnvironment("http://h", env("MLFLOW_TRACKING_TOKEN", "t0k3n"))
                .credentials().kind());
        RestConfig basic = RestConfig.fromEnvironment("http://h", env("MLFLOW_TRACKING_TOKEN", "t0k3n",
                "MLFLOW_TRACKING_USERNAME", "ann", "MLFLOW_TRACKING_PASSWORD", "pw123"));
        assertEquals(Credentials.Kind.BASIC, basic.credentials().kind(), "user and password win over a token, as in MLflow");
        assertFalse(basic.toString().contains("pw123"), basic.toString());
        JrunsException e = assertThrows(JrunsException.class,
                () -> RestConfig.fromEnvironment("http://h", env("MLFLOW_TRACKING_USERNAME", "ann")));
        assertTrue(e.getMessage().contains("the password is missing"), e.getMessage());
    }

    @Test
    void aUserAndPasswordInTheUriAreUsedAsMlflowsClientUsesThemUnlessTheVariablesGiveSome() {
        RestConfig c = RestConfig.fromEnvironment("http://ann:p%40ss@host:5000", env());
        assertEquals("http://host:5000", c.baseUrl());
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("ann:p@ss".getBytes()), c.credentials().header());
        assertFalse(c.toString().contains("p@ss") || c.displayName().contains("ann"), c.toString());
        assertEquals(Credentials.Kind.BEARER, RestConfig.fromEnvironment("http://ann:pw@host:5000",
                env("MLFLOW_TRACKING_TOKEN", "t0k3n")).credentials().kind(), "the variables win");
    }

    @Test
    void mlflowsBackoffFactorGivesItsLongerSchedule() {
        assertEquals(RetryPolicy.DEFAULT.base(), RestConfig.fromEnvironment("http://h", env()).retry().base());
        RestConfig c = RestConfig.fromEnvironment("http://h", env("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", "2",
                "MLFLOW_HTTP_REQUEST_MAX_RETRIES", "7"));
        assertEquals(8, c.retry().attempts());
        assertEquals(java.time.Duration.ofSeconds(4), c.retry().base());
        JrunsException e = assertThrows(JrunsException.class,
                () -> RestConfig.fromEnvironment("http://h", env("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", "lots")));
        assertTrue(e.getMessage().startsWith("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR must be"), e.getMessage());
    }

    @Test
    void settingsFromTheEnvironment() {
        RestConfig c = RestConfig.fromEnvironment("https://h", env("MLFLOW_TRACKING_INSECURE_TLS", "TRUE",
                "MLFLOW_HTTP_REQUEST_TIMEOUT", "7", "MLFLOW_HTTP_REQUEST_MAX_RETRIES", "2"));
        assertTrue(c.insecureTls());
        assertEquals(7, c.readTimeout().toSeconds());
        assertEquals(3, c.retry().attempts());
        assertTrue(c.spoolFile().startsWith(home.resolve("spool")), c.spoolFile().toString());
        assertEquals(c.spoolFile(), RestConfig.fromEnvironment("https://h/", env()).spoolFile(), "one spool per server");
        JrunsException e = assertThrows(JrunsException.class,
                () -> RestConfig.fromEnvironment("http://h", env("MLFLOW_HTTP_REQUEST_TIMEOUT", "soon")));
        assertTrue(e.getMessage().contains("MLFLOW_HTTP_REQUEST_TIMEOUT"), e.getMessage());
        new RestTransport(c); // an insecure TLS client can be built
    }

    @Test
    void databricksFromVariablesOrTheConfigFile() throws Exception {
        RestConfig fromEnv = RestConfig.fromEnvironment("databricks", env("DATABRICKS_HOST", "adb-1.azuredatabricks.net",
                "DATABRICKS_TOKEN", "dapi-secret-1"));
        assertEquals("https://adb-1.azuredatabricks.net", fromEnv.baseUrl());
        assertEquals(Credentials.Kind.BEARER, fromEnv.credentials().kind());
        assertFalse(fromEnv.displayName().contains("dapi") || fromEnv.toString().contains("dapi"), fromEnv.toString());
        Files.writeString(home.resolve(".databrickscfg"), "[DEFAULT]\nhost = https://d.cloud.databricks.com\n"
                + "token = dapi-default\n\n[prod]\nhost=https://p.cloud.databricks.com\ntoken=dapi-prod\n");
        assertEquals("https://d.cloud.databricks.com", RestConfig.fromEnvironment("databricks", env()).baseUrl());
        assertEquals("https://p.cloud.databricks.com", RestConfig.fromEnvironment("databricks://prod", env()).baseUrl());
        assertEquals("https://p.cloud.databricks.com",
                RestConfig.fromEnvironment("databricks", env("DATABRICKS_CONFIG_PROFILE", "prod")).baseUrl(),
                "the profile the Databricks SDK would pick");
        JrunsException e = assertThrows(JrunsException.class,
                () -> RestConfig.fromEnvironment("databricks://nope", env()));
        assertTrue(e.getMessage().contains("DATABRICKS_HOST") && e.getMessage().contains("[nope]"), e.getMessage());
    }

    @Test
    void scrubbingRemovesTheSecretInEveryForm() {
        Credentials c = Credentials.basic("ann", "pw-1234");
        String header = c.header();
        String scrubbed = c.scrub("echo: " + header + " and pw-1234");
        assertFalse(scrubbed.contains("pw-1234") || scrubbed.contains(header.substring(6)), scrubbed);
        assertEquals("x", Credentials.NONE.scrub("x"));
    }
}
