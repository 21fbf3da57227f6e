package io.jruns.ui.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal Chrome DevTools Protocol client over java.net.http's WebSocket: commands (with
 * an optional target session) answered by id, and every event kept in order for the test
 * to inspect.
 */
public final class DevTools implements AutoCloseable {
    /** One protocol event: its method, its params and the session it came from (null: the browser). */
    public record Event(String method, JsonNode params, String sessionId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    public final List<Event> events = new CopyOnWriteArrayList<>();

    public DevTools(String webSocketUrl) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(webSocketUrl), new Listener()).get(10, TimeUnit.SECONDS);
    }

    /** Sends a command and waits for its result; a protocol error fails the test. */
    public JsonNode send(String sessionId, String method, Map<String, ?> params) throws Exception {
        long id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", JSON.valueToTree(params));
        if (sessionId != null) msg.put("sessionId", sessionId);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(msg), true).get(10, TimeUnit.SECONDS);
        JsonNode reply = answer.get(60, TimeUnit.SECONDS);
        if (reply.has("error")) throw new AssertionError(method + " failed: " + reply.get("error"));
        return reply.path("result");
    }

    /** Waits until an event with this method has arrived (at or after index {@code from}). */
    public Event await(String method, int from, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < end) {
            for (int i = from; i < events.size(); i++) if (events.get(i).method().equals(method)) return events.get(i);
            Thread.sleep(20);
        }
        throw new AssertionError("no " + method + " event within " + timeoutMillis + " ms");
    }

    /** An alert() would block the page: it is recorded (the test fails on it) and dismissed. */
    private void dismiss(String sessionId) {
        ObjectNode msg = JSON.createObjectNode().put("id", ids.incrementAndGet()).put("method", "Page.handleJavaScriptDialog");
        msg.putObject("params").put("accept", true);
        if (sessionId != null) msg.put("sessionId", sessionId);
        socket.sendText(msg.toString(), true);
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(partial.toString());
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asLong());
                        if (f != null) f.complete(msg);
                    } else {
                        Event e = new Event(msg.path("method").asText(), msg.path("params"),
                                msg.has("sessionId") ? msg.get("sessionId").asText() : null);
                        events.add(e);
                        if (e.method().equals("Page.javascriptDialogOpening")) dismiss(e.sessionId());
                    }
                } catch (Exception e) {
                    events.add(new Event("jruns.unreadable", JSON.createObjectNode().put("error", e.toString()), null));
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
