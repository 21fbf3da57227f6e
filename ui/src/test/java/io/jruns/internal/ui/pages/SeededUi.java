package io.jruns.internal.ui.pages;

import io.jruns.TrackingClient;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import io.jruns.ui.UiServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real UI server over a real embedded store seeded for the experiment and compare pages:
 * runs created oldest first (base, parent with child-a and child-b nested, the hostile run),
 * then a deleted run "gone"; a hostile experiment name, run name, param and tag values (keys
 * cannot be hostile: MLflow's key rule refuses them), and a param that reads as a spreadsheet formula.
 */
final class SeededUi implements AutoCloseable {
    static final String HOSTILE = "<script>alert(1)</script>";
    static final String QUOTES = "x'y";
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    final TrackingClient client;
    final UiServer server;
    final String experimentId;
    /** Run ids by seed name (the hostile run is "hostile"). */
    final Map<String, String> ids = new LinkedHashMap<>();

    SeededUi(Path home) throws InterruptedException {
        client = TrackingClient.open(home.toString());
        experimentId = client.createExperiment(HOSTILE + " " + QUOTES);
        run("base", "base", Map.of(), 0.1, 30);
        run("parent", "parent", Map.of(), 0.01, 20);
        run("child-a", "child-a", Map.of(SystemTags.PARENT_RUN_ID, ids.get("parent")), 0.01, 21);
        run("child-b", "child-b", Map.of(SystemTags.PARENT_RUN_ID, ids.get("parent")), 0.01, 22);
        String hostile = run("hostile", HOSTILE + QUOTES, Map.of("note", HOSTILE + QUOTES), 0.001, 10);
        client.logParam(hostile, "formula", "=1+2");
        client.logParam(hostile, "quote", QUOTES + HOSTILE);
        client.logMetric(hostile, "rmse", 12, 1);
        client.logMetric(hostile, "rmse", 10, 2);
        run("gone", "gone", Map.of(), 0.5, 50);
        client.flush();
        client.deleteRuns(ids.get("gone"));
        server = UiServer.builder(client).build().start();
    }

    private String run(String key, String name, Map<String, String> tags, double lr, double rmse) throws InterruptedException {
        Thread.sleep(3); // distinct start times: the default order is newest first
        String id = client.createRun(experimentId, name, tags, "tester").runId();
        client.logParam(id, "lr", lr);
        client.logMetric(id, "rmse", rmse, 0);
        client.setTerminated(id, RunStatus.FINISHED);
        ids.put(key, id);
        return id;
    }

    /** A sweep's experiment and its run ids by name. */
    record Sweep(String experimentId, Map<String, String> ids) {
        String id(String name) {
            return ids.get(name);
        }
    }

    /**
     * A sweep in a new experiment, as the audit found it: "parent" with 120 runs nested in it
     * ("c0" .. "c119", param k = i), then 3 runs alone ("solo0" .. "solo2"), each started a
     * millisecond after the one before.
     */
    Sweep sweep(String experiment) {
        Sweep s = new Sweep(client.createExperiment(experiment), new LinkedHashMap<>());
        sweepRun(s, "parent", Map.of());
        for (int i = 0; i < 120; i++) client.logParam(sweepRun(s, "c" + i, Map.of(SystemTags.PARENT_RUN_ID, s.id("parent"))), "k", i);
        for (int i = 0; i < 3; i++) sweepRun(s, "solo" + i, Map.of());
        client.flush();
        return s;
    }

    private String sweepRun(Sweep s, String name, Map<String, String> tags) {
        long now = System.currentTimeMillis();
        while (System.currentTimeMillis() == now) Thread.onSpinWait(); // distinct start times, newest first
        String id = client.createRun(s.experimentId(), name, tags, "tester").runId();
        s.ids().put(name, id);
        return id;
    }

    String url(String pathAndQuery) {
        return server.info().url() + pathAndQuery.substring(1);
    }

    String page() {
        return "/experiments/" + experimentId;
    }

    String bearer() {
        return "Bearer " + server.info().token();
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).header("Authorization", bearer()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery, String cookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A form post as a browser sends it: with the session cookie, not the bearer token. */
    HttpResponse<String> post(String path, String form, String cookie) throws Exception {
        return post(path, form, cookie, null);
    }

    HttpResponse<String> post(String path, String form, String cookie, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
        if (origin != null) b.header("Origin", origin);
        return HTTP.send(b.header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String cookie() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url("/?token=" + server.info().token()))).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    @Override
    public void close() {
        server.close();
        client.close();
    }
}
