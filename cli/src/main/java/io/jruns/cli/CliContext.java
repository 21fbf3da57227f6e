package io.jruns.cli;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.Run;
import io.jruns.store.Store;
import io.jruns.store.Stores;
import io.jruns.store.TrackingUri;

import java.io.PrintStream;

/**
 * One invocation's surroundings: output streams, the chosen tracking URI and the store it
 * names, opened on first use (so {@code classpath} and {@code help} never touch a store).
 * Commands read through {@link Store} directly: no writer thread, no run context.
 */
final class CliContext implements AutoCloseable {
    private final Environment env;
    private final String trackingUri;
    private Store store;

    CliContext(Environment env, String trackingUri) {
        this.env = env;
        this.trackingUri = trackingUri;
    }

    /** The --tracking-uri given on the command line, if any. */
    java.util.Optional<String> trackingUri() {
        return java.util.Optional.ofNullable(trackingUri);
    }

    PrintStream out() {
        return env.out();
    }

    PrintStream err() {
        return env.err();
    }

    Environment environment() {
        return env;
    }

    Store store() {
        if (store == null) store = Stores.open(TrackingUri.resolve(trackingUri, env.variables()), env.variables());
        return store;
    }

    Run run(String runId) {
        return store().getRun(runId).orElseThrow(() -> JrunsException.notFound("run '" + runId + "' does not exist in "
                + store().describe()));
    }

    /** An experiment by name, else by id (names win: a name may look like an id). */
    Experiment experiment(String nameOrId) {
        var byName = store().getExperimentByName(nameOrId);
        if (byName.isPresent()) return byName.get();
        if (nameOrId.matches("\\d{1,18}")) {
            var byId = store().getExperiment(nameOrId);
            if (byId.isPresent()) return byId.get();
        }
        throw JrunsException.notFound("experiment '" + nameOrId + "' does not exist (by name or id) in "
                + store().describe() + "; see 'jruns experiments list'");
    }

    @Override
    public void close() {
        if (store != null) store.close();
    }
}
