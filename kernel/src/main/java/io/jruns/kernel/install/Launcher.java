package io.jruns.kernel.install;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code launch.sh} and {@code launch.py} in the kernelspec: Jupyter runs the shell script, which
 * becomes the JVM ({@code exec}) unless a warm spare kernel waits, in which case Python hands the
 * spare the connection file (the shell has no Unix sockets). A system Python first, since a
 * version manager's shim adds its own start-up to the launch.
 */
final class Launcher {
    private static final List<String> SCRIPTS = List.of("launch.sh", "launch.py");
    private static final String SCRIPT_ARG = "{resource_dir}/launch.sh";
    private static final List<Path> SYSTEM_PYTHONS = List.of(Path.of("/usr/bin/python3"), Path.of("/usr/local/bin/python3"));

    private Launcher() {
    }

    /** A python3 for launch.py, where there is a {@code /bin/sh} to run launch.sh (not on Windows). */
    static Optional<Path> defaultPython() {
        if (!Files.isExecutable(Path.of("/bin/sh"))) {
            return Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        Stream<Path> onPath = Stream.of(path.split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(s -> Path.of(s, "python3"));
        return Stream.concat(SYSTEM_PYTHONS.stream(), onPath).filter(Files::isExecutable).findFirst();
    }

    static void write(Path dir) {
        for (String script : SCRIPTS) {
            try (InputStream in = Launcher.class.getResourceAsStream("/io/jruns/kernel/spare/" + script)) {
                if (in == null) {
                    throw new IllegalStateException(script + " is missing from the kernel jar");
                }
                Files.write(dir.resolve(script), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + script + " to " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    static void delete(Path dir) throws IOException {
        for (String script : SCRIPTS) {
            Files.deleteIfExists(dir.resolve(script));
        }
    }

    /** The argv prefix that runs the launcher; the JVM's argv (without the connection file) follows it. */
    static List<String> argv(Path python) {
        return List.of("/bin/sh", SCRIPT_ARG, "{connection_file}", python.toString());
    }

    /** Where java is in a kernel.json argv: after the launcher's words ({@link #argv}), or first. */
    static int javaIndex(List<String> argv) {
        int words = argv(Path.of("python3")).size();
        return argv.size() > words && argv.get(1).equals(SCRIPT_ARG) ? words : 0;
    }
}
