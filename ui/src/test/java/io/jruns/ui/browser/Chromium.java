package io.jruns.ui.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (Debian's {@code chromium}, see install/setup-browser) with a fresh
 * profile, no network services, and the DevTools endpoint on a free loopback port.
 */
public final class Chromium implements AutoCloseable {
    private final Process process;
    public final String webSocketUrl;
    private final List<String> log = new ArrayList<>();

    public Chromium(Path profile) throws IOException, InterruptedException {
        List<String> cmd = List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--hide-scrollbars", "--force-color-profile=srgb", "about:blank");
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("cannot start " + binary() + " (install it with install/setup-browser, or set CHROMIUM): "
                    + e.getMessage(), e);
        }
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (log) {
                        log.add(line);
                    }
                    int at = line.indexOf("ws://");
                    if (line.startsWith("DevTools listening on") && at >= 0) url.complete(line.substring(at).strip());
                }
            } catch (IOException ignored) {
                // the browser went away; the test reports what it saw
            }
            url.complete(null);
        }, "chromium-output");
        reader.setDaemon(true);
        reader.start();
        String ws;
        try {
            ws = url.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            ws = null;
        }
        if (ws == null) {
            close();
            throw new AssertionError("chromium did not start its DevTools endpoint; its output:\n" + output());
        }
        webSocketUrl = ws;
    }

    /** The browser binary: $CHROMIUM, else chromium on the PATH (install/setup-browser installs it). */
    public static String binary() {
        String env = System.getenv("CHROMIUM");
        return env != null && !env.isBlank() ? env : "chromium";
    }

    public String output() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
