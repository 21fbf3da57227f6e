package io.jruns.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs child processes with a clean tracking environment and a time limit. */
final class Processes {
    /**
     * What the ITs that build a child's environment from nothing take from their own: enough to
     * find Java and Jupyter, and {@code JRUNS_SPARE=off} from the POM, so their kernels leave no
     * spare kernels behind.
     */
    static final List<String> PASSED_ON = List.of("PATH", "HOME", "LANG", "JAVA_HOME", "JRUNS_JUPYTER", "JRUNS_SPARE");

    private final Path jrunsHome;

    Processes(Path jrunsHome) {
        this.jrunsHome = jrunsHome;
    }

    Result run(Path dir, int timeoutSeconds, Map<String, String> extraEnv, String... command) {
        try {
            Path out = Files.createTempFile("jruns-out", ".txt");
            Path err = Files.createTempFile("jruns-err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = pb.environment();
            for (String v : List.of("JRUNS_TRACKING_URI", "MLFLOW_TRACKING_URI", "MLFLOW_EXPERIMENT_ID",
                    "MLFLOW_EXPERIMENT_NAME", "JRUNS_EXPERIMENT_NAME", "JRUNS_JAVA_OPTS")) {
                env.remove(v);
            }
            env.put("JRUNS_HOME", jrunsHome.toString());
            env.putAll(extraEnv);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
