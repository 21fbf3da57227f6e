package io.jruns.execute;

import io.jruns.domain.JrunsException;
import io.jruns.kernel.install.JupyterPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where Jupyter looks for kernelspecs: the user's data dir, the Python environment's, or a prefix. */
public final class KernelDirs {
    private KernelDirs() {
    }

    /**
     * The user's kernelspec folder, {@code kernels/} in Jupyter's data dir as {@code jupyter --paths}
     * resolves it from this environment: {@code $JUPYTER_DATA_DIR}, else {@code $XDG_DATA_HOME/jupyter},
     * else {@code $HOME/.local/share/jupyter} ({@code $HOME}, not Java's {@code user.home}).
     */
    public static Path user(Map<String, String> env) {
        return JupyterPaths.dataDir(env).toAbsolutePath().resolve("kernels");
    }

    public static Path prefix(Path prefix) {
        return prefix.toAbsolutePath().normalize().resolve("share").resolve("jupyter").resolve("kernels");
    }

    /** {@code sys.prefix/share/jupyter/kernels} of the Python that runs {@code jupyter}. */
    public static Path sysPrefix(Jupyter jupyter) {
        return prefix(pythonSysPrefix(jupyter));
    }

    /**
     * {@code sys.prefix} of the Python that runs {@code jupyter}, asked in the environment
     * {@code jupyter} runs in.
     */
    public static Path pythonSysPrefix(Jupyter jupyter) {
        try {
            String python = python(jupyter);
            ProcessBuilder pb = new ProcessBuilder(python, "-c", "import sys; print(sys.prefix)")
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().clear();
            pb.environment().putAll(jupyter.environment());
            Process p = pb.start();
            String prefix = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() != 0 || prefix.isEmpty()) throw JrunsException.invalid("cannot ask " + python + " for sys.prefix");
            return Path.of(prefix);
        } catch (IOException e) {
            throw JrunsException.invalid("cannot find the Python environment of " + jupyter.executable() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JrunsException.invalid("interrupted");
        }
    }

    /** The Python that runs {@code jupyter}: its script's {@code #!} line, {@code #!/usr/bin/env python3} too. */
    public static String python(Jupyter jupyter) throws IOException {
        List<String> lines = Files.readAllLines(jupyter.executable().toRealPath());
        String shebang = lines.isEmpty() ? "" : lines.get(0);
        if (!shebang.startsWith("#!")) throw JrunsException.invalid("cannot tell which Python runs " + jupyter.executable());
        List<String> command = new ArrayList<>(List.of(shebang.substring(2).trim().split("\\s+")));
        if (command.get(0).endsWith("/env")) command.removeIf(w -> w.endsWith("/env") || w.startsWith("-"));
        return command.get(0);
    }
}
