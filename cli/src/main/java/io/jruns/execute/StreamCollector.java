package io.jruns.execute;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a process's stream on its own thread, so neither pipe fills up and blocks it. */
final class StreamCollector {
    private final Thread thread;
    private volatile String text = "";

    private StreamCollector(InputStream in) {
        thread = new Thread(() -> {
            try {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "(could not read: " + e.getMessage() + ")";
            }
        }, "jruns-stream");
        thread.setDaemon(true);
        thread.start();
    }

    static StreamCollector start(InputStream in) {
        return new StreamCollector(in);
    }

    String text() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return text;
    }
}
