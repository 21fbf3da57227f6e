package io.jruns.internal.rest;

import io.jruns.internal.embedded.EmbeddedStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The fixture of the search tests: {@link SearchData}'s runs on the fake MLflow server, read
 * through a REST store with two-run server pages (so tokens are followed), and the same runs
 * in an embedded store to compare with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchStores {
    @TempDir
    static Path dir;
    RestFixture fx;
    RestStore rest;
    EmbeddedStore embedded;
    String restExp;
    String embeddedExp;

    /** Whether the fake plays jruns ui, running the whole filter a search sends. */
    abstract boolean serverRunsJrunsFilters();

    @BeforeAll
    void setUp() throws Exception {
        fx = new RestFixture(dir.resolve("home"));
        fx.fake.runJrunsFilters(serverRunsJrunsFilters());
        rest = fx.open(fx.config().withSearchPageSize(2));
        embedded = new EmbeddedStore(dir.resolve("e/jruns.db"), dir.resolve("e/artifacts"));
        restExp = SearchData.populate(rest);
        embeddedExp = SearchData.populate(embedded);
    }

    @AfterAll
    void tearDown() throws Exception {
        embedded.close();
        fx.close();
    }
}
