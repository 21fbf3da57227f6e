package io.jruns.cli;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.Run;
import io.jruns.TrackingClient;
import io.jruns.store.Store;
import io.jruns.store.TrackingUri;

import java.io.PrintStream;

/**
 * One invocation's surroundings: output streams, the chosen tracking URI and the store it
 * names, opened on first use (so {@code classpath} and {@code help} never touch a store).
 * Commands work through a {@link TrackingClient} (no writer thread until something is
 * logged, no run context); store-to-store tools take its {@link Store}.
 */
final class CliContext implements AutoCloseable {
    private final Environment env;
    private final String trackingUri;
    private TrackingClient client;

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

    TrackingClient client() {
        if (client == null) client = TrackingClient.open(TrackingUri.resolve(trackingUri, env.variables()), env.variables());
        return client;
    }

    Store store() {
        return client().store();
    }

    /**
     * A RUN for a command that only reads: a run id, a unique id prefix, or a run name in
     * {@code experiment} (every active experiment when null); a name several runs share means
     * the newest of them, and stderr says so.
     */
    Run findRun(String ref, String experiment) {
        java.util.List<String> scope = experiment != null ? java.util.List.of(experiment)
                : client().listExperiments().stream().map(Experiment::experimentId).toList();
        return client().findRun(ref, scope, note -> err().println("jruns: note: " + note));
    }

    /** An experiment by name, else by id (names win: a name may look like an id); a notebook's either by its relative or absolute path. */
    Experiment experiment(String nameOrId) {
        try {
            return client().experiment(nameOrId);
        } catch (JrunsException e) {
            if (e.code() != JrunsException.Code.RESOURCE_DOES_NOT_EXIST) throw e;
            throw JrunsException.notFound(e.getMessage() + "; see 'jruns experiments list'");
        }
    }

    @Override
    public void close() {
        if (client != null) client.close();
    }
}
