/**
 * The jruns core: the Java API ({@code io.jruns}), the domain, the store SPI and the filter
 * language. Internals are exported only to the jruns modules built on them.
 */
module io.jruns.tracking {
    requires transitive tablesaw.core;
    requires java.sql;
    requires jdk.unsupported; // sun.misc.Signal: a run stopped by Ctrl-C or kill ends KILLED
    requires org.xerial.sqlitejdbc;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.core;

    exports io.jruns;
    exports io.jruns.domain;
    exports io.jruns.store;
    exports io.jruns.search;
    // the one configured JSON mapper, for the jruns modules that read or write JSON
    exports io.jruns.internal.json to io.jruns.store.rest, io.jruns.views, io.jruns.models;
    // the embedded store's limits, which the REST store applies to jruns ui (it keeps what that store keeps)
    exports io.jruns.internal.validate to io.jruns.store.rest;

    uses io.jruns.store.StoreProvider;
    uses io.jruns.RunContext;
    provides io.jruns.store.StoreProvider with io.jruns.internal.embedded.EmbeddedStoreProvider;
}
