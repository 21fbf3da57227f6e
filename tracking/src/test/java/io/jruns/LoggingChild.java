package io.jruns;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The program the process tests start in child JVMs. Values are a function of (key, step),
 * so the parent can check every point without being told what was logged.
 * <ul>
 *   <li>{@code concurrent STORE NAME POINTS GO_FILE}: prints {@code READY}, waits for GO_FILE
 *       to exist (so two children start together), then logs POINTS metric points over 4 keys,
 *       50 params and 50 tags, flushing every 1000 points, ends the run and prints
 *       {@code RUN id} and {@code WINDOW startMillis endMillis}.</li>
 *   <li>{@code crash STORE POINTS}: logs POINTS points, flushes, prints {@code FLUSHED id},
 *       then keeps logging without flushing until it is killed.</li>
 *   <li>{@code exit STORE POINTS} / {@code throw STORE POINTS}: logs POINTS points, prints
 *       {@code RUN id}, and leaves main without flushing or ending the run (normally, or by
 *       an uncaught exception), leaving both to the shutdown hook.</li>
 *   <li>{@code stopped STORE POINTS}: logs POINTS points in a run, prints {@code RUN id}, and
 *       keeps logging until a signal stops the JVM.</li>
 *   <li>{@code client STORE RUNS}: through a TrackingClient (no facade, never closed), starts
 *       RUNS runs with a param and a metric, ends them, prints {@code EXP id} and leaves main:
 *       their queued ends are left to the writer's exit flush.</li>
 * </ul>
 */
public final class LoggingChild {
    static final int KEYS = 4;

    private LoggingChild() {
    }

    static double value(int key, long step) {
        return step % 997 == 0 ? Double.NaN : key * 1_000_000.0 + step * 0.5;
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "concurrent" -> {
                awaitGo(Path.of(args[4]));
                Jruns.setTrackingUri(args[1]);
                concurrent(args[2], Integer.parseInt(args[3]));
            }
            case "crash" -> {
                Jruns.setTrackingUri(args[1]);
                crash(Integer.parseInt(args[2]));
            }
            case "exit", "throw" -> {
                Jruns.setTrackingUri(args[1]);
                ActiveRun run = Jruns.startRun(args[0]);
                for (int i = 0; i < Integer.parseInt(args[2]); i++) run.logMetric("m", value(0, i), i);
                System.out.println("RUN " + run.runId());
                if (args[0].equals("throw")) throw new IllegalStateException("training diverged (on purpose)");
            }
            case "stopped" -> {
                Jruns.setTrackingUri(args[1]);
                ActiveRun run = Jruns.startRun("stopped");
                int points = Integer.parseInt(args[2]);
                for (int i = 0; i < points; i++) run.logMetric("m", value(0, i), i);
                System.out.println("RUN " + run.runId());
                for (long i = points; ; i++) {
                    run.logMetric("later", i, i);
                    if (i % 1000 == 0) Thread.sleep(1);
                }
            }
            case "client" -> {
                TrackingClient c = TrackingClient.open(args[1]);
                String exp = c.createExperiment("unclosed");
                for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                    String id = c.createRun(exp, "r" + i, java.util.Map.of(), null).runId();
                    c.logParam(id, "i", i);
                    c.logMetric(id, "m", value(0, i), 0);
                    c.setTerminated(id, io.jruns.domain.RunStatus.FINISHED);
                }
                System.out.println("EXP " + exp);
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void awaitGo(Path go) throws InterruptedException {
        System.out.println("READY");
        System.out.flush();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Files.exists(go)) {
            if (System.currentTimeMillis() > deadline) throw new IllegalStateException("no go file " + go);
            Thread.sleep(1);
        }
    }

    private static void concurrent(String name, int points) {
        long start = System.currentTimeMillis();
        Jruns.setExperiment("shared");
        try (ActiveRun run = Jruns.startRun(name)) {
            for (int i = 0; i < 50; i++) {
                run.logParam("param_" + i, name + "-" + i);
                run.setTag("tag_" + i, name + "-" + i);
            }
            for (int i = 0; i < points; i++) {
                int key = i % KEYS;
                run.logMetric("metric_" + key, value(key, i / KEYS), i / KEYS);
                if (i % 1000 == 999) Jruns.flush();
            }
            run.setTag("tag_0", "last");
            System.out.println("RUN " + run.runId());
        }
        Jruns.flush();
        System.out.println("WINDOW " + start + " " + System.currentTimeMillis());
    }

    private static void crash(int points) throws InterruptedException {
        ActiveRun run = Jruns.startRun("doomed");
        run.logParam("points", points);
        run.setTag("phase", "flushed");
        for (int i = 0; i < points; i++) run.logMetric("m", value(0, i), i);
        Jruns.flush();
        System.out.println("FLUSHED " + run.runId());
        System.out.flush();
        for (long i = points; ; i++) {
            run.logMetric("m", value(0, i), i);
            if (i % 100 == 0) Thread.sleep(1);
        }
    }
}
