package io.jruns.internal.rest;

import io.jruns.store.Store;
import io.jruns.store.StoreProvider;
import io.jruns.store.TrackingUri;

import java.util.Map;

/** MLflow tracking servers and Databricks workspaces (http, https, databricks URIs). */
public final class RestStoreProvider implements StoreProvider {
    @Override
    public TrackingUri.Kind kind() {
        return TrackingUri.Kind.REST;
    }

    @Override
    public Store open(TrackingUri uri, Map<String, String> env) {
        return RestStore.open(uri.uri(), env);
    }
}
