/** The MLflow REST store (found by URI kind through ServiceLoader) and MLflow's REST JSON shapes. */
module io.jruns.store.rest {
    requires io.jruns.tracking;
    requires com.fasterxml.jackson.databind;
    requires okhttp3;

    exports io.jruns.json;

    provides io.jruns.store.StoreProvider with io.jruns.internal.rest.RestStoreProvider;
}
