package io.jruns.execute;

import io.jruns.domain.JrunsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Where Jupyter looks for kernelspecs: the user's data dir, the Python environment's, or a prefix. */
public final class KernelDirs {
    private KernelDirs() {
    }

    /** {@code $JUPYTER_DATA_DIR/kernels}, else {@code ~/.local/share/jupyter/kernels}. */
    public static Path user(Map<String, String> env) {
        String data = env.get("JUPYTER_DATA_DIR");
        Path base = data != null && !data.isBlank() ? Path.of(data)
                : Path.of(System.getProperty("user.home"), ".local", "share", "jupyter");
        return base.resolve("kernels");
    }

    public static Path prefix(Path prefix) {
        return prefix.toAbsolutePath().normalize().resolve("share").resolve("jupyter").resolve("kernels");
    }

    /** {@code sys.prefix/share/jupyter/kernels} of the Python that runs {@code jupyter}. */
    public static Path sysPrefix(Jupyter jupyter) {
        try {
            List<String> lines = Files.readAllLines(jupyter.executable().toRealPath());
            String shebang = lines.isEmpty() ? "" : lines.get(0);
            if (!shebang.startsWith("#!")) throw JrunsException.invalid("cannot tell which Python runs " + jupyter.executable());
            String python = shebang.substring(2).trim().split("\\s+")[0];
            Process p = new ProcessBuilder(python, "-c", "import sys; print(sys.prefix)").start();
            String prefix = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() != 0 || prefix.isEmpty()) throw JrunsException.invalid("cannot ask " + python + " for sys.prefix");
            return prefix(Path.of(prefix));
        } catch (IOException e) {
            throw JrunsException.invalid("cannot find the Python environment of " + jupyter.executable() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JrunsException.invalid("interrupted");
        }
    }
}
