package io.jruns.internal.rest;

import io.jruns.Jruns;

/** A program that logs to a server refusing log-batch and runs/update, and exits without flush (UnwritableSpoolTest). */
final class UnwritableSpoolProgram {
    private UnwritableSpoolProgram() {
    }

    public static void main(String[] args) throws Exception {
        FakeMlflow fake = new FakeMlflow();
        fake.override = s -> s.path().endsWith("runs/log-batch") || s.path().endsWith("runs/update")
                ? FakeMlflow.error(500, "INTERNAL_ERROR", "boom") : null;
        Jruns.setTrackingUri(fake.url());
        Jruns.startRun("r");
        Jruns.logMetric("m", 1.0);
        Jruns.logParam("p", "v");
        System.exit(0); // the fake server's threads would keep the JVM alive; exit runs the hooks as a normal end does
    }
}
