package io.jruns.cli;

import io.jruns.store.Store;
import io.jruns.store.Stores;
import io.jruns.store.TrackingUri;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link Main} in this JVM against a store in a temporary folder, capturing what it
 * prints. The environment is only what a test gives, never the machine's.
 */
final class Cli {
    final Path home;
    private final Map<String, String> variables = new HashMap<>();
    private ZoneId zone = ZoneOffset.UTC;
    private Path libDir;

    Cli(Path home) {
        this.home = home;
        this.libDir = home.resolve("no-lib");
        variables.put("JRUNS_HOME", home.toString());
    }

    Cli env(String name, String value) {
        variables.put(name, value);
        return this;
    }

    Cli zone(ZoneId zone) {
        this.zone = zone;
        return this;
    }

    Cli libDir(Path libDir) {
        this.libDir = libDir;
        return this;
    }

    /** The store the CLI reads, opened directly, for seeding and for checking answers. */
    Store openStore() {
        return Stores.open(TrackingUri.resolve(home.toString(), Map.of()));
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Main(new Environment(o, e, variables, zone, libDir)).run(args);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Result(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }

        /** The one stderr line of a failure. */
        String error() {
            List<String> l = err.lines().toList();
            if (l.size() != 1) throw new AssertionError("expected one stderr line, got: " + err);
            return l.get(0);
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
