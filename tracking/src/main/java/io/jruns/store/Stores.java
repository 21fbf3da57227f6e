package io.jruns.store;

import io.jruns.JrunsException;
import io.jruns.store.embedded.EmbeddedStore;

/** Opens the store a tracking URI names. */
public final class Stores {
    private Stores() {
    }

    public static Store open(TrackingUri uri) {
        return switch (uri.kind()) {
            case EMBEDDED -> new EmbeddedStore(uri.databaseFile(), uri.artifactRoot());
            case REST -> throw new JrunsException(JrunsException.Code.NOT_IMPLEMENTED,
                    "tracking URI '" + uri + "': the MLflow REST store is not supported yet; "
                            + "unset MLFLOW_TRACKING_URI/JRUNS_TRACKING_URI to use the embedded store");
        };
    }

    /** Opens the store for an explicit URI, or the one the environment chooses when null. */
    public static Store open(String uri) {
        return open(TrackingUri.resolve(uri));
    }
}
