package io.jruns.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of what the launcher builds (root pom and the modules install depends on, without
 * tests or build output), with the root pom's module list cut down to those.
 */
final class SourceCopy {
    private SourceCopy() {
    }

    static final List<String> MODULES = List.of("tracking", "store-rest", "views", "models", "ui", "magics", "kernel", "cli");

    static Path of(Path root, Path to) throws IOException {
        for (String module : MODULES) {
            copyTree(root.resolve(module).resolve("src/main"), to.resolve(module).resolve("src/main"));
            Files.copy(root.resolve(module).resolve("pom.xml"), to.resolve(module).resolve("pom.xml"));
        }
        Files.createDirectories(to.resolve("install"));
        Files.copy(root.resolve("install/jruns"), to.resolve("install/jruns"), StandardCopyOption.COPY_ATTRIBUTES);
        String pom = Files.readString(root.resolve("pom.xml"));
        int start = pom.indexOf("<modules>");
        int end = pom.indexOf("</modules>");
        if (start < 0 || end < 0) throw new AssertionError("the root pom has no <modules> list");
        Files.writeString(to.resolve("pom.xml"), pom.substring(0, start)
                + "<modules>" + MODULES.stream().map(m -> "<module>" + m + "</module>").reduce("", String::concat) + "</modules>"
                + pom.substring(end + "</modules>".length()));
        return to;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
