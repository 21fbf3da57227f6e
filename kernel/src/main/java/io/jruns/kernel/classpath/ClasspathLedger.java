package io.jruns.kernel.classpath;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the notebook added to its class path and why, in order; each path is added once.
 * Later issues record it with runs (to reproduce a run's libraries).
 */
public final class ClasspathLedger {
    private final Map<Path, ClasspathEntry> entries = new LinkedHashMap<>();
    private final List<String> mavenCoordinates = new ArrayList<>();

    /**
     * Records {@code paths} and passes each one not seen before to {@code sink}.
     *
     * @return the paths that were new
     */
    public synchronized List<Path> add(String origin, List<Path> paths, Consumer<Path> sink) {
        List<Path> added = new ArrayList<>();
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (!entries.containsKey(abs)) {
                sink.accept(abs);
                entries.put(abs, new ClasspathEntry(abs, origin));
                added.add(abs);
            }
        }
        return added;
    }

    public synchronized void recordMaven(String coordinates) {
        if (!mavenCoordinates.contains(coordinates)) {
            mavenCoordinates.add(coordinates);
        }
    }

    public synchronized List<ClasspathEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** Coordinates given to {@code %maven}, in order, each once. */
    public synchronized List<String> mavenCoordinates() {
        return List.copyOf(mavenCoordinates);
    }
}
