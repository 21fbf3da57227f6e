package io.jruns.kernel.testing;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Talks to a kernel through jupyter_server's websocket, as JupyterLab does (JSON messages with a channel). */
public final class KernelSocket implements AutoCloseable {
    private final WebSocket ws;
    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private final String session = UUID.randomUUID().toString();

    public KernelSocket(URI uri) {
        ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    messages.add(JsonParser.parseString(partial.toString()).getAsJsonObject());
                    partial.setLength(0);
                }
                socket.request(1);
                return null;
            }
        }).join();
    }

    /** Executes {@code code} with the given request metadata; returns the text/plain result, or throws on error. */
    public String execute(String code, Map<String, Object> metadata) throws InterruptedException {
        String id = UUID.randomUUID().toString();
        Map<String, Object> msg = Map.of(
                "header", Map.of("msg_id", id, "msg_type", "execute_request", "session", session,
                        "username", "test", "date", Instant.now().toString(), "version", "5.3"),
                "parent_header", Map.of(), "metadata", metadata, "channel", "shell",
                "content", Map.of("code", code, "silent", false, "store_history", true,
                        "user_expressions", Map.of(), "allow_stdin", false, "stop_on_error", true));
        ws.sendText(new Gson().toJson(msg), true).join();
        String result = null;
        boolean replied = false;
        boolean idle = false;
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonObject m = messages.poll(1, TimeUnit.SECONDS);
            if (m == null || !id.equals(parentId(m))) {
                continue;
            }
            String type = m.getAsJsonObject("header").get("msg_type").getAsString();
            seen.add(type);
            JsonObject content = m.getAsJsonObject("content");
            if (type.equals("execute_result")) {
                result = content.getAsJsonObject("data").get("text/plain").getAsString();
            } else if (type.equals("error")) {
                throw new AssertionError("cell failed: " + content);
            } else if (type.equals("execute_reply")) {
                replied = true;
            } else if (type.equals("status") && "idle".equals(content.get("execution_state").getAsString())) {
                idle = true; // iopub's last word on this request: its outputs are all in
            }
            // The reply (shell) and the outputs (iopub) travel on different channels and may
            // arrive in either order: done once both the reply and the idle status are here.
            if (replied && idle) return result;
        }
        throw new AssertionError("no execute_reply for " + code + "; saw " + seen);
    }

    private static String parentId(JsonObject m) {
        JsonObject parent = m.getAsJsonObject("parent_header");
        return parent == null || !parent.has("msg_id") ? null : parent.get("msg_id").getAsString();
    }

    @Override
    public void close() {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
}
