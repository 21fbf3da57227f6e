package io.jruns.kernel.spare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Logger;

/**
 * {@code KEY.kernel}: the pid of the kernel the last spare of a key became. A running kernel
 * leaves spares itself, so one that jruns's Jupyter server extension starts ({@code launch.sh
 * --spare}) would only idle beside it. The spare writes the file as it takes a launch, before it
 * gives its lock up; launch.sh reads it after the lock, and the server's spare again once it
 * holds the lock. So a launch that takes the waiting spare just after the extension looked
 * at its kernels is always seen, however late Jupyter lists that kernel.
 */
public final class KernelMark {
    private static final Logger LOG = Logger.getLogger(KernelMark.class.getName());

    private KernelMark() {
    }

    static Path file(SpareConfig config) {
        return config.dir().resolve(config.key() + ".kernel");
    }

    /** This JVM is the kernel now. Whole or not at all (a rename): launch.sh reads it any time. */
    static void write(SpareConfig config) {
        Path tmp = config.dir().resolve(config.key() + ".kernel.tmp");
        try {
            Files.writeString(tmp, String.valueOf(ProcessHandle.current().pid()), StandardCharsets.US_ASCII);
            Files.move(tmp, file(config), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // the hand-off goes on: the cost is at most one idle spare beside this kernel
            LOG.info("spare: could not write " + file(config) + " (a server may start a spare beside this kernel): " + e);
        }
    }

    /** Whether the kernel it names runs. */
    static boolean kernelRuns(SpareConfig config) {
        try {
            String pid = Files.readString(file(config), StandardCharsets.US_ASCII).strip();
            return !pid.isEmpty() && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /**
     * As this kernel exits: the file goes if it still names it (another kernel may have taken a
     * spare since; one that does in the instant between the read and the delete may get a
     * server's spare beside it, the cost this file saves).
     */
    public static void clear(SpareConfig config) {
        try {
            if (Files.readString(file(config), StandardCharsets.US_ASCII).strip().equals(String.valueOf(ProcessHandle.current().pid()))) {
                Files.delete(file(config));
            }
        } catch (IOException | RuntimeException e) {
            // gone already; a file naming a dead pid counts as none
        }
    }
}
