package io.jruns.store;

import java.util.Map;

/**
 * Opens the stores of one kind of tracking URI. Implementations are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.jruns.store.StoreProvider}), so
 * the core names no store: the embedded store ships with it, the REST store in
 * {@code jruns-store-rest}.
 */
public interface StoreProvider {
    /** The kind of URI this provider opens. */
    TrackingUri.Kind kind();

    /** Opens the store; {@code env} carries credentials, TLS and timeout settings and the jruns home. */
    Store open(TrackingUri uri, Map<String, String> env);
}
