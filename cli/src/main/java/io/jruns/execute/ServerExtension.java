package io.jruns.execute;

import io.jruns.domain.JrunsException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * jruns's Jupyter server extension ({@code jruns_jupyter.py}, beside the kernel's launcher): it
 * starts a spare kernel as a Jupyter server starts, and keeps one while the server runs. Installed by the Python that runs
 * {@code jupyter}, which knows its own module and config folders.
 */
public final class ServerExtension {
    private static final String SCRIPT = "/io/jruns/kernel/spare/jruns_jupyter.py";

    private ServerExtension() {
    }

    /**
     * Writes the module and the configuration that enables it for jupyter_server and the classic
     * notebook server; returns what it wrote, a line each ({@code module PATH}, {@code config PATH}).
     *
     * @param place {@code --user}, {@code --sys-prefix}, or {@code --prefix} with {@code prefix}
     */
    public static List<String> install(Jupyter jupyter, String place, Path prefix) {
        return run("install", jupyter, place, prefix);
    }

    /** Removes what {@link #install} wrote there; returns a line for each file removed ({@code removed PATH}). */
    public static List<String> uninstall(Jupyter jupyter, String place, Path prefix) {
        return run("uninstall", jupyter, place, prefix);
    }

    private static List<String> run(String action, Jupyter jupyter, String place, Path prefix) {
        Path script = null;
        Path errors = null;
        try {
            script = Files.createTempFile("jruns_jupyter", ".py");
            errors = Files.createTempFile("jruns_jupyter", ".err"); // a file: a full pipe would block it
            try (InputStream in = ServerExtension.class.getResourceAsStream(SCRIPT)) {
                Files.write(script, in.readAllBytes());
            }
            List<String> command = new ArrayList<>(List.of(KernelDirs.python(jupyter), script.toString(), action, place));
            if (prefix != null) command.add(prefix.toAbsolutePath().normalize().toString());
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(errors.toFile());
            pb.environment().clear();
            pb.environment().putAll(jupyter.environment());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            String err = Files.readString(errors, StandardCharsets.UTF_8).strip();
            if (exit != 0) {
                String last = err.isEmpty() ? "exit " + exit : err.lines().reduce((a, b) -> b).orElse(err);
                throw JrunsException.invalid("could not " + action + " the Jupyter server extension: " + last);
            }
            return out.lines().toList();
        } catch (IOException e) {
            throw JrunsException.invalid("could not " + action + " the Jupyter server extension: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JrunsException.invalid("interrupted");
        } finally {
            for (Path f : new Path[] {script, errors}) {
                try {
                    if (f != null) Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }
}
