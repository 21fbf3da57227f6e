package io.jruns.internal.rest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake MLflow server and REST stores pointed at it, with a private jruns home and quick retries. */
final class RestFixture implements AutoCloseable {
    static final RetryPolicy QUICK = new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(40));

    final FakeMlflow fake;
    final Path home;
    final List<String> warnings = new CopyOnWriteArrayList<>();
    private final List<RestStore> opened = new CopyOnWriteArrayList<>();

    RestFixture(Path home) throws IOException {
        this.fake = new FakeMlflow();
        this.home = home;
    }

    Map<String, String> env(String... kv) {
        Map<String, String> env = new HashMap<>();
        env.put("JRUNS_HOME", home.toString());
        for (int i = 0; i < kv.length; i += 2) env.put(kv[i], kv[i + 1]);
        return env;
    }

    RestConfig config(String... kv) {
        return RestConfig.fromEnvironment(fake.url(), env(kv)).withRetry(QUICK).withWarnings(warnings::add)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withLinger(Duration.ofMillis(200));
    }

    RestStore store(String... kv) {
        return open(config(kv));
    }

    RestStore open(RestConfig config) {
        RestStore s = new RestStore(config);
        opened.add(s);
        return s;
    }

    @Override
    public void close() throws IOException {
        for (RestStore s : opened) {
            try {
                s.close();
            } catch (RuntimeException e) {
                // the test already failed or checked what it needed
            }
        }
        fake.close();
    }
}
