package io.jruns.magics.logging;

import io.jruns.ActiveRun;
import io.jruns.Jruns;

/**
 * The run a logging magic writes to: the active one, or one it starts (as MLflow's logging
 * calls do). A started run is announced, since it stays active and a later {@code %run start}
 * is refused because of it.
 */
public record RunTarget(ActiveRun run, boolean started) {

    /** Call only once the line is checked: a refused line must not leave a run behind. */
    public static RunTarget activeOrStart() {
        return Jruns.activeRun().map(r -> new RunTarget(r, false)).orElseGet(() -> new RunTarget(Jruns.startRun(), true));
    }

    /** What the magic did, and which run it started to do it. */
    public String say(String done) {
        return started ? done + " (started run " + run.name() + "; %run end ends it)" : done;
    }
}
