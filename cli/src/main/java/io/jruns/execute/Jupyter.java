package io.jruns.execute;

import io.jruns.domain.JrunsException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Finds a working {@code jupyter} command: {@code $JRUNS_JUPYTER}, else the first on PATH
 * that runs (a pyenv shim may come first and lack Jupyter), else {@code /usr/bin/jupyter}.
 */
public final class Jupyter {
    private final Path executable;
    private final Map<String, String> env;

    private Jupyter(Path executable, Map<String, String> env) {
        this.executable = executable;
        this.env = Map.copyOf(env);
    }

    public Path executable() {
        return executable;
    }

    /** The environment it runs in. */
    public Map<String, String> environment() {
        return env;
    }

    public static Jupyter locate(Map<String, String> env) {
        List<Path> candidates = new ArrayList<>();
        String explicit = env.get("JRUNS_JUPYTER");
        if (explicit != null && !explicit.isBlank()) return new Jupyter(Path.of(explicit), env);
        for (String dir : env.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) candidates.add(Path.of(dir, "jupyter"));
        }
        candidates.add(Path.of("/usr/bin/jupyter"));
        for (Path c : candidates) {
            if (Files.isExecutable(c) && works(c, env)) return new Jupyter(c, env);
        }
        throw JrunsException.notFound("no working 'jupyter' command found (set JRUNS_JUPYTER, or on Debian: "
                + "apt-get install jupyter-client jupyter-nbconvert python3-nbclient jupyter-notebook)");
    }

    private static boolean works(Path jupyter, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(jupyter.toString(), "nbconvert", "--version").redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs {@code jupyter ARGS...} in the environment it was located with, plus {@code extraEnv},
     * and returns its standard output; fails with its error text.
     */
    public String run(Map<String, String> extraEnv, Path workingDir, String stdin, String... args) {
        List<String> cmd = new ArrayList<>(List.of(executable.toString()));
        cmd.addAll(List.of(args));
        Finished f = start(cmd, extraEnv, workingDir, stdin);
        if (f.code() != 0) throw new ProcessFailure(String.join(" ", args), f.code(), f.err());
        return f.out();
    }

    /** An executed notebook (JSON) and, when a cell failed, its report: the notebook is there either way. */
    public record Executed(String notebook, String failure) {
    }

    /**
     * Executes a notebook as {@code nbconvert --execute} does, with the nbclient of Jupyter's own
     * Python, but keeps the executed notebook when a cell fails (nbconvert writes nothing then).
     */
    public Executed execute(Map<String, String> extraEnv, Path workingDir, String notebook, String kernel, int timeout) {
        List<String> cmd = List.of(python(), "-c", script(), kernel, Integer.toString(timeout));
        Finished f = start(cmd, extraEnv, workingDir, notebook);
        if (f.code() == 0) return new Executed(f.out(), null);
        if (f.code() == FAILED_CELL) return new Executed(f.out(), f.err());
        if (f.code() == NBCLIENT_FAILED) return new Executed(f.out(), f.err());
        throw new ProcessFailure("execute", f.code(), f.err());
    }

    private static final int FAILED_CELL = 3;
    private static final int NBCLIENT_FAILED = 5;

    /** The Python that runs {@code jupyter}: its script's {@code #!} line, else python3. */
    String python() {
        try (var lines = Files.lines(executable, StandardCharsets.UTF_8)) {
            String first = lines.findFirst().orElse("");
            if (first.startsWith("#!")) {
                String[] words = first.substring(2).strip().split("\\s+");
                String last = words[words.length - 1];
                if (words.length == 1 || words[0].endsWith("/env")) return last;
            }
        } catch (IOException | java.io.UncheckedIOException notAScript) {
            // a binary or unreadable launcher: fall back below
        }
        Path beside = executable.resolveSibling("python3");
        return Files.isExecutable(beside) ? beside.toString() : "python3";
    }

    private static String script() {
        try (var in = Jupyter.class.getResourceAsStream("execute_notebook.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("execute_notebook.py missing from the jruns jar", e);
        }
    }

    private record Finished(int code, String out, String err) {
    }

    private Finished start(List<String> cmd, Map<String, String> extraEnv, Path workingDir, String stdin) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workingDir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().putAll(extraEnv);
        pb.environment().putIfAbsent("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        try {
            Process p = pb.start();
            Thread feeder = new Thread(() -> {
                try (var in = p.getOutputStream()) {
                    if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the process ended early; its exit code tells why
                }
            });
            feeder.start();
            StreamCollector err = StreamCollector.start(p.getErrorStream());
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            feeder.join();
            return new Finished(code, out, err.text());
        } catch (IOException e) {
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "interrupted while running jupyter");
        }
    }
}
