package io.jruns.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.internal.json.Json;
import io.jruns.internal.ui.http.LoginCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where a running UI is: {@code $JRUNS_HOME/ui.json} holds {@code {"url", "token", "pid", "store"}} so the
 * kernel and other tools find it. {@code url} is the server's root, without the token; {@code store}
 * is the tracking URI it serves (as {@link io.jruns.TrackingClient#trackingUri()} shows it: no
 * credentials), so a kernel reuses only a UI over its own store; empty when not recorded.
 */
public record UiInfo(String url, String token, long pid, String store) {
    public static final String FILE = "ui.json";

    public UiInfo {
        store = store == null ? "" : store;
    }

    public UiInfo(String url, String token, long pid) {
        this(url, token, pid, "");
    }

    /** The same UI, recorded as serving {@code trackingUri}. */
    public UiInfo withStore(String trackingUri) {
        return new UiInfo(url, token, pid, trackingUri);
    }

    /**
     * Whether its pages show the store named {@code trackingUri}: the store it serves (a file
     * without a store serves none for sure), or itself, a kernel logging through its MLflow API
     * ({@code Jruns.setTrackingUri} of its address).
     */
    public boolean serves(String trackingUri) {
        return !store.isEmpty() && store.equals(trackingUri) || sameAddress(url, trackingUri);
    }

    /** Scheme, host, port (defaults filled in) and root path alike, a trailing slash aside; a store's path is no address. */
    private static boolean sameAddress(String uiUrl, String trackingUri) {
        if (uiUrl == null || trackingUri == null) return false;
        try {
            URI a = new URI(uiUrl);
            URI b = new URI(trackingUri);
            if (a.getScheme() == null || b.getScheme() == null || a.getHost() == null || b.getHost() == null) return false;
            return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                    && port(a) == port(b) && root(a).equals(root(b));
        } catch (URISyntaxException notAnAddress) {
            return false;
        }
    }

    private static int port(URI u) {
        if (u.getPort() != -1) return u.getPort();
        return u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static String root(URI u) {
        String path = u.getPath() == null ? "" : u.getPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The link a person opens: the root with the token, which the server swaps for a cookie. */
    public String link() {
        return url + "?token=" + token;
    }

    /**
     * A link to {@code path} (relative to the root, "" for it) for output that is saved, as a
     * notebook's is: a {@link LoginCode} good once for ten minutes instead of the token.
     */
    public String codeLink(String path) {
        return url + path + "?code=" + LoginCode.mint(token, System.currentTimeMillis());
    }

    public void write(Path home) {
        try {
            Files.createDirectories(home);
            Path tmp = Files.createTempFile(home, "ui", ".json.tmp");
            Files.writeString(tmp, Json.MAPPER.createObjectNode().put("url", url).put("token", token).put("pid", pid)
                    .put("store", store).toString());
            try {
                Files.move(tmp, home.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, home.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + home.resolve(FILE), e);
        }
    }

    /** The UI recorded in {@code home}, if its process still runs; a stale file is left for the next UI to replace. */
    public static Optional<UiInfo> read(Path home) {
        Path f = home.resolve(FILE);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            JsonNode n = Json.MAPPER.readTree(Files.readString(f));
            UiInfo info = new UiInfo(n.path("url").asText(), n.path("token").asText(), n.path("pid").asLong(),
                    n.path("store").asText(""));
            boolean alive = ProcessHandle.of(info.pid).map(ProcessHandle::isAlive).orElse(false);
            return alive && !info.url.isEmpty() ? Optional.of(info) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Removes {@code home}'s ui.json if it still names this UI (another may have started since). */
    public void remove(Path home) {
        if (read(home).filter(this::equals).isPresent()) {
            try {
                Files.deleteIfExists(home.resolve(FILE));
            } catch (IOException ignored) {
                // a stale file is harmless: readers check the pid
            }
        }
    }
}
