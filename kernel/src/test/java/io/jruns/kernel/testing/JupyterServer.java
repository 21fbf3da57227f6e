package io.jruns.kernel.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** A real {@code jupyter server} on 127.0.0.1, a free port and a random token, for one test. */
public final class JupyterServer implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;
    private final String token = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private JupyterServer(Path root) throws IOException, InterruptedException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        log = Files.createTempFile("jupyter-server", ".log");
        ProcessBuilder pb = Jupyter.process(List.of(Jupyter.JUPYTER.toString(), "server", "--allow-root", "--no-browser",
                "--ServerApp.ip=127.0.0.1", "--ServerApp.port=" + port, "--ServerApp.port_retries=0",
                "--ServerApp.token=" + token, "--ServerApp.root_dir=" + root), root);
        process = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        waitUntilUp();
    }

    public static JupyterServer start(Path root) throws IOException, InterruptedException {
        return new JupyterServer(root);
    }

    public int port() {
        return port;
    }

    public String token() {
        return token;
    }

    public JsonObject post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(path).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " -> " + r.statusCode() + ": " + r.body() + "\n" + log());
        }
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    public int delete(String path) throws IOException, InterruptedException {
        return http.send(request(path).DELETE().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** ws://127.0.0.1:PORT/api/kernels/ID/channels with the token. */
    public URI channels(String kernelId) {
        return URI.create("ws://127.0.0.1:" + port + "/api/kernels/" + kernelId + "/channels?token=" + token);
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "token " + token).timeout(Duration.ofSeconds(60));
    }

    private void waitUntilUp() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("jupyter server exited:\n" + log());
            }
            try {
                HttpResponse<String> r = http.send(request("/api/status").GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("jupyter server did not come up in 60 s:\n" + log());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy(); // SIGTERM: the server shuts its kernels down
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Files.deleteIfExists(log);
    }
}
