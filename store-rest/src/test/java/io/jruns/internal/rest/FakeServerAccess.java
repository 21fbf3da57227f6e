package io.jruns.internal.rest;

import java.io.IOException;
import java.nio.file.Path;

/** The fake MLflow server for tests outside this package (transfer, CLI). */
public final class FakeServerAccess implements AutoCloseable {
    private final RestFixture fx;

    public FakeServerAccess(Path home) throws IOException {
        this.fx = new RestFixture(home);
    }

    public String url() {
        return fx.fake.url();
    }

    public RestStore store() {
        return fx.store();
    }

    public int runCount() {
        synchronized (fx.fake.state) {
            return fx.fake.state.runs.size();
        }
    }

    @Override
    public void close() throws IOException {
        fx.close();
    }
}
