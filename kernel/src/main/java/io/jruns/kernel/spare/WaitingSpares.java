package io.jruns.kernel.spare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The spares that wait in a folder, for {@code jruns spares}: a spare waits while its socket is
 * there and its lock names a live pid (a kernel that was a spare no longer has either, so it is
 * never listed, let alone stopped).
 */
public final class WaitingSpares {
    private WaitingSpares() {
    }

    /**
     * @param since when it began to wait (its socket's time)
     * @param folder the folder it started in (its working directory until it serves a launch), if this system shows it
     * @param residentBytes its memory in RAM, if this system shows it
     */
    public record Spare(String key, ProcessHandle process, Instant since, Optional<Path> folder, Optional<Long> residentBytes) {
        /** Asks it to exit (SIGTERM: it gives its key up as it goes); true if it did within the time. */
        public boolean stop(Duration within) {
            process.destroy();
            try {
                process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException | ExecutionException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Where launch.sh looks for spares, from the environment it runs in. */
    public static Path folder(Map<String, String> env) {
        String dir = env.get(SpareConfig.DIR);
        if (dir != null && !dir.isEmpty()) {
            return Path.of(dir);
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        Path base = runtime != null && !runtime.isEmpty() ? Path.of(runtime)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".cache");
        return base.resolve("jruns-spares");
    }

    /** The spares waiting in {@code dir}, oldest first; none if it does not exist. */
    public static List<Spare> in(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Spare> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path sock : files.filter(p -> p.getFileName().toString().endsWith(".sock")).toList()) {
                String key = sock.getFileName().toString().replaceFirst("\\.sock$", "");
                SpareConfig config = new SpareConfig(dir, key, SpareConfig.DEFAULT_IDLE);
                Optional<ProcessHandle> holder = SpareListener.holder(config);
                if (holder.isPresent() && startedAsSpare(holder.get().pid())) {
                    long pid = holder.get().pid();
                    found.add(new Spare(key, holder.get(), Files.getLastModifiedTime(sock).toInstant(),
                            folderOf(pid), residentBytes(pid)));
                }
            }
        }
        found.sort(Comparator.comparing(Spare::since));
        return found;
    }

    /** Whether the pid is a JVM started with --spare (--server-spare): a pid reused since a spare was killed is not stopped. */
    private static boolean startedAsSpare(long pid) {
        if (!Files.exists(Path.of("/proc", "self", "cmdline"))) {
            return true; // no /proc: the lock and the socket are all there is to go by
        }
        try {
            List<String> args = SpareSpawner.commandLine(String.valueOf(pid));
            return List.of("--spare", "--server-spare").contains(args.get(args.size() - 1));
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> folderOf(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "cwd")));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> residentBytes(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
