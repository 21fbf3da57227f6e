package io.jruns.internal.embedded;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Keeps the heartbeat of the runs this process owns fresh, on one daemon thread. */
final class Heartbeat implements AutoCloseable {
    private final Database db;
    private final Map<String, Long> owned = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    Heartbeat(Database db) {
        this.db = db;
    }

    synchronized void own(String runId, long rid) {
        owned.put(runId, rid);
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "jruns-heartbeat");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::beat, Liveness.HEARTBEAT_EVERY_MS, Liveness.HEARTBEAT_EVERY_MS,
                    TimeUnit.MILLISECONDS);
        }
    }

    void release(String runId) {
        owned.remove(runId);
    }

    private void beat() {
        if (owned.isEmpty()) return;
        try {
            db.write(c -> {
                Liveness.beat(c, new ArrayList<>(owned.values()), System.currentTimeMillis());
                return null;
            });
        } catch (RuntimeException e) {
            // A missed beat is harmless: the next one comes in 30 s and staleness takes 10 min.
            System.err.println("jruns: heartbeat skipped: " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) timer.shutdownNow();
    }
}
