package io.jruns.cli;

import io.jruns.kernel.install.JdkOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** The machine's JDKs (/usr/lib/jvm, as on Debian; the CI machine has a Temurin beside OpenJDK 17). */
final class Jdks {
    private Jdks() {
    }

    /** The home of the JDK of the highest release, if any. */
    static Optional<Path> newest() {
        try (Stream<Path> dirs = Files.list(Path.of("/usr/lib/jvm"))) {
            return dirs.filter(d -> Files.isExecutable(d.resolve("bin/java")))
                    .max(Comparator.comparing(Jdks::release));
        } catch (IOException noJvmFolder) {
            return Optional.empty();
        }
    }

    static int release(Path home) {
        return JdkOptions.feature(home.resolve("bin/java")).orElse(0);
    }
}
