package io.jruns.internal.rest;

import io.jruns.store.Store;
import io.jruns.store.Stores;
import io.jruns.store.TrackingUri;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The core finds the REST store by URI kind through ServiceLoader, and it never shows credentials. */
class RestStoreProviderTest {
    @ParameterizedTest
    @ValueSource(strings = {"http://user:s3cr3tpw@host:5000", "https://user:s3cr3tpw@host/x", "https://s3cr3tpw@host",
            "HTTP://user:s3cr3tpw@host", "https://user:p@s3cr3tpw@host/x"})
    void opensWithoutTheNetworkAndShowsNoSecret(String raw) {
        Map<String, String> env = Map.of("JRUNS_HOME", System.getProperty("java.io.tmpdir"));
        try (Store store = Stores.open(TrackingUri.resolve(raw, env), env)) {
            assertInstanceOf(RestStore.class, store);
            assertFalse(store.describe().contains("s3cr3tpw"), store.describe());
            assertFalse(store.toString().contains("s3cr3tpw"), store.toString());
            assertTrue(store.describe().toLowerCase().contains("host"), store.describe());
        }
    }
}
