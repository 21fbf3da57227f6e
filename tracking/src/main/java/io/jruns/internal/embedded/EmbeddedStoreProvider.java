package io.jruns.internal.embedded;

import io.jruns.store.Store;
import io.jruns.store.StoreProvider;
import io.jruns.store.TrackingUri;

import java.util.Map;

/** The zero-configuration default: one SQLite file with artifacts beside it. */
public final class EmbeddedStoreProvider implements StoreProvider {
    @Override
    public TrackingUri.Kind kind() {
        return TrackingUri.Kind.EMBEDDED;
    }

    @Override
    public Store open(TrackingUri uri, Map<String, String> env) {
        return new EmbeddedStore(uri.databaseFile(), uri.artifactRoot());
    }
}
