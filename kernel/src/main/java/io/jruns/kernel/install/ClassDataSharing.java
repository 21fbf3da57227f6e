package io.jruns.kernel.install;

import io.jruns.kernel.home.KernelVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Dumps a dynamic CDS archive of the classes a kernel session loads (JDK 13+), by running
 * {@code KernelMain --warm-up} once with {@code -XX:ArchiveClassesAtExit}. The JVM uses it only
 * when the java binary and class path match; otherwise it silently starts without it.
 */
final class ClassDataSharing {
    private static final Logger LOG = Logger.getLogger(ClassDataSharing.class.getName());
    private static final long TIMEOUT_S = 180;

    private ClassDataSharing() {
    }

    /**
     * Options that use the archive. Logging is off so that an archive that no longer matches
     * (the folder was copied elsewhere, java was upgraded) is skipped silently.
     */
    static List<String> jvmOptions(String archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** @return true when the archive was written */
    static boolean dump(Path java, Path dir, List<String> classpath, List<String> jvmOptions) {
        Path archive = dir.resolve(KernelSpecWriter.CDS_ARCHIVE);
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmOptions);
        cmd.add("-XX:ArchiveClassesAtExit=" + archive);
        cmd.add("-cp");
        cmd.add(KernelSpecWriter.resolvedClasspath(dir, classpath));
        cmd.add(KernelVersion.mainClass());
        cmd.add("--warm-up");
        try {
            Path log = Files.createTempFile("jruns-cds", ".log");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    LOG.warning("CDS archive dump timed out; the kernel starts without it");
                    return false;
                }
                if (p.exitValue() != 0 || !Files.isRegularFile(archive)) {
                    LOG.warning("CDS archive dump failed (exit " + p.exitValue() + "): " + tail(log));
                    Files.deleteIfExists(archive);
                    return false;
                }
                return true;
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            LOG.warning("CDS archive dump failed: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
