package io.jruns.internal.embedded;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A real small filesystem for a test (a full or read-only disk); mounting needs root, else the test is skipped. */
final class Tmpfs implements AutoCloseable {
    final Path root;

    private Tmpfs(Path root) {
        this.root = root;
    }

    static Tmpfs mount(Path parent, String size) throws Exception {
        Path point = Files.createDirectories(parent.resolve("disk"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", point.toString()) == 0,
                "mounting a tmpfs needs root");
        return new Tmpfs(point);
    }

    /** Remounts it read-only, as a shared archive or a read-only mount is. */
    void readOnly() throws Exception {
        if (run("mount", "-o", "remount,ro", root.toString()) != 0) throw new IllegalStateException("cannot remount " + root + " read-only");
    }

    @Override
    public void close() throws Exception {
        run("umount", root.toString());
    }

    private static int run(String... command) throws Exception {
        return new ProcessBuilder(List.of(command)).redirectErrorStream(true).start().waitFor();
    }
}
