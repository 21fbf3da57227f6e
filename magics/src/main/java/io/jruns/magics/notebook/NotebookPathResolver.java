package io.jruns.magics.notebook;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns what the server says about the notebook into an absolute path. The kernel runs in the
 * notebook's folder; jupyter_server 2.x gives an absolute path, 1.x a path relative to the
 * server root (an ancestor of that folder), e.g. {@code notebooks/probe.ipynb} seen from
 * {@code /root/notebooks}.
 */
public final class NotebookPathResolver {
    private NotebookPathResolver() {
    }

    public static Path resolve(String value, Path workingDir) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("notebook path is empty");
        }
        Path p = Path.of(value.strip());
        if (p.isAbsolute()) {
            return p.normalize();
        }
        Path wd = workingDir.toAbsolutePath().normalize();
        Path parent = p.getParent();
        Path inWorkingDir = wd.resolve(p.getFileName());
        // relative to the server root, and the kernel runs in the notebook's folder
        if (parent != null && wd.endsWith(parent.normalize()) && Files.exists(inWorkingDir)) {
            return inWorkingDir;
        }
        Path direct = wd.resolve(p).normalize();
        if (Files.exists(direct)) {
            return direct;
        }
        for (Path a = wd.getParent(); a != null; a = a.getParent()) {
            Path candidate = a.resolve(p).normalize();
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        // not saved yet: trust the folder layout if it fits, else the working directory
        return parent != null && wd.endsWith(parent.normalize()) ? inWorkingDir : direct;
    }
}
