package io.jruns.store;

import io.jruns.domain.JrunsException;

import java.util.Map;
import java.util.ServiceLoader;

/** Opens the store a tracking URI names, through the {@link StoreProvider} for its kind. */
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
        for (StoreProvider p : ServiceLoader.load(StoreProvider.class, Stores.class.getClassLoader())) {
            if (p.kind() == uri.kind()) return p.open(uri, env);
        }
        throw new JrunsException(JrunsException.Code.INVALID_PARAMETER_VALUE, "no store for " + uri
                + " on the class path: " + (uri.kind() == TrackingUri.Kind.REST
                ? "add io.jruns:jruns-store-rest for MLflow servers and Databricks" : "jruns-tracking is incomplete"));
    }

    /** Opens the store for an explicit URI, or the one the environment chooses when null. */
    public static Store open(String uri) {
        return open(TrackingUri.resolve(uri));
    }
}
