package io.jruns.magics.notebook;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Which notebook this kernel runs. Resolved at start from {@code JRUNS_NOTEBOOK} (set by
 * {@code jruns execute}) or {@code JPY_SESSION_NAME} (set by jupyter_server), against the
 * kernel's working directory; {@code %notebook PATH} sets it explicitly. nbconvert and the
 * classic notebook set neither, so it may be unknown.
 */
public final class NotebookIdentity {
    /** Where the current value came from. */
    public enum Source { MAGIC, JRUNS_NOTEBOOK, JPY_SESSION_NAME, NONE }

    /** @param path absolute, normalized; null only for {@link Source#NONE} */
    public record Ref(Path path, Source source) {
        public Optional<String> fileName() {
            return path == null ? Optional.empty() : Optional.of(path.getFileName().toString());
        }
    }

    private volatile Path workingDir;
    private final List<Consumer<Ref>> listeners = new CopyOnWriteArrayList<>();
    private volatile Ref current;

    public NotebookIdentity(Path workingDir, Ref initial) {
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.current = initial;
    }

    public static NotebookIdentity fromEnvironment(Map<String, String> env, Path workingDir) {
        return new NotebookIdentity(workingDir, fromVariables(env, workingDir));
    }

    private static Ref fromVariables(Map<String, String> env, Path workingDir) {
        String explicit = env.get("JRUNS_NOTEBOOK");
        if (explicit != null && !explicit.isBlank()) {
            return new Ref(NotebookPathResolver.resolve(explicit, workingDir), Source.JRUNS_NOTEBOOK);
        }
        String session = env.get("JPY_SESSION_NAME");
        if (session != null && !session.isBlank()) {
            return new Ref(NotebookPathResolver.resolve(session, workingDir), Source.JPY_SESSION_NAME);
        }
        return new Ref(null, Source.NONE);
    }

    /**
     * Resolves the notebook from the environment and working directory again, as at start: a
     * kernel started ahead of its launch (a spare) learns there which notebook it serves, and in
     * which folder. A {@code %notebook} set stays.
     */
    public Ref reread(Map<String, String> env, Path workingDir) {
        this.workingDir = workingDir.toAbsolutePath().normalize();
        if (current.source() != Source.MAGIC) {
            Ref ref = fromVariables(env, workingDir);
            current = ref;
            listeners.forEach(l -> l.accept(ref));
        }
        return current;
    }

    public Ref current() {
        return current;
    }

    public Optional<Path> path() {
        return Optional.ofNullable(current.path());
    }

    public Source source() {
        return current.source();
    }

    public Path workingDir() {
        return workingDir;
    }

    /** Sets the notebook explicitly ({@code %notebook PATH}); relative paths are against the working dir. */
    public Ref set(String path) {
        Ref ref = new Ref(NotebookPathResolver.resolve(path, workingDir), Source.MAGIC);
        current = ref;
        listeners.forEach(l -> l.accept(ref));
        return ref;
    }

    /** Called with the new value whenever {@link #set} or {@link #reread} changes it. */
    public void addListener(Consumer<Ref> listener) {
        listeners.add(listener);
    }
}
