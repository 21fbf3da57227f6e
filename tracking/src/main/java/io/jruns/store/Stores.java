package io.jruns.store;

import io.jruns.store.embedded.EmbeddedStore;
import io.jruns.store.rest.RestStore;

import java.util.Map;

/** Opens the store a tracking URI names. */
public final class Stores {
    private Stores() {
    }

    public static Store open(TrackingUri uri) {
        return open(uri, System.getenv());
    }

    /**
     * Opens the store with the given environment: the REST store reads its credentials
     * (MLFLOW_TRACKING_TOKEN, ...), TLS and timeout settings and the jruns home (its spool) there.
     */
    public static Store open(TrackingUri uri, Map<String, String> env) {
        return switch (uri.kind()) {
            case EMBEDDED -> new EmbeddedStore(uri.databaseFile(), uri.artifactRoot());
            case REST -> RestStore.open(uri.uri(), env);
        };
    }

    /** Opens the store for an explicit URI, or the one the environment chooses when null. */
    public static Store open(String uri) {
        return open(TrackingUri.resolve(uri));
    }
}
