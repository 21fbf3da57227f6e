package io.jruns;

import io.jruns.domain.Experiment;
import io.jruns.domain.JrunsException;
import io.jruns.domain.SystemTags;
import io.jruns.domain.ViewType;
import io.jruns.store.Store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which experiments a source (a notebook's absolute path) owns, the notebook being one file
 * however it is reached: by its real path, through a link to it or to a folder above it. An
 * experiment is tagged with the path as given ({@code mlflow.experiment.sourceName}, what MLflow
 * shows, the same on every machine that names the file so) and the file's real path
 * ({@code jruns.experiment.sourceFile}), and found by either. An experiment made for another
 * file that is still there (a link that now leads elsewhere) is never this source's.
 */
final class SourceFile {
    private static final String NAME = SystemTags.EXPERIMENT_SOURCE_NAME;
    private static final String FILE = SystemTags.EXPERIMENT_SOURCE_FILE;
    private final Store store;
    private final String given;
    /** The file with links followed; null when the source names no file that is there. */
    private final String real;

    SourceFile(Store store, String given) {
        this.store = store;
        this.given = given;
        this.real = real(given);
    }

    Optional<String> real() {
        return Optional.ofNullable(real);
    }

    /** The experiments this source owns, oldest first. */
    List<Experiment> owned() {
        Map<String, Experiment> found = new LinkedHashMap<>();
        List<Experiment> tagged = new ArrayList<>(store.experimentsTagged(NAME, given));
        if (real != null) {
            tagged.addAll(store.experimentsTagged(FILE, real));
            // one tagged before files were: by the path as given then, which may have been this one
            if (!real.equals(given)) tagged.addAll(store.experimentsTagged(NAME, real));
        }
        tagged.stream().filter(this::mayBeMine).forEach(e -> found.putIfAbsent(e.experimentId(), e));
        if (found.isEmpty() && real != null) {
            // tagged before files were, through another link to this file: one listing, only when nothing matched
            store.listExperiments(ViewType.ACTIVE_ONLY).stream()
                    .filter(e -> e.tags().containsKey(NAME) && !e.tags().containsKey(FILE))
                    .filter(e -> real.equals(real(e.tags().get(NAME))))
                    .forEach(e -> found.putIfAbsent(e.experimentId(), e));
        }
        return found.values().stream().sorted(Experiment.OLDEST_FIRST).toList();
    }

    /**
     * Whether an experiment tagged with this source's path may be its own: not when it was made
     * for another file that is still there. One made before files were tagged, or for a file not
     * here (moved, deleted, or another machine's) goes by its path, as before.
     */
    private boolean mayBeMine(Experiment e) {
        String file = e.tags().get(FILE);
        return file == null || file.equals(real) || !exists(file);
    }

    /**
     * Who else owns the experiment, in words; empty when it is this source's, made so now when it
     * had no owner, and when the store keeps no tags (then a name is shared, as before).
     */
    Optional<String> otherOwner(String experimentId) {
        Optional<Experiment> e = store.getExperiment(experimentId);
        String owner = e.map(x -> x.tags().get(NAME)).orElse(null);
        if (owner == null) {
            if (tag(experimentId, NAME, given)) bind(experimentId, Map.of());
            return Optional.empty();
        }
        Map<String, String> tags = e.get().tags();
        String file = tags.get(FILE);
        boolean sameFile = real != null && real.equals(file);
        if (sameFile || (owner.equals(given) || owner.equals(real)) && mayBeMine(e.get())) {
            bind(experimentId, tags);
            return Optional.empty();
        }
        return Optional.of(file == null || file.equals(owner) ? owner : owner + " (" + file + ")");
    }

    /** Tags an experiment of this source with its file when it lacks one, binding it to the file it is now. */
    void bind(String experimentId, Map<String, String> tags) {
        if (real != null && !tags.containsKey(FILE)) tag(experimentId, FILE, real);
    }

    private boolean tag(String experimentId, String key, String value) {
        try {
            store.setExperimentTag(experimentId, key, value);
            return true;
        } catch (JrunsException refused) {
            return false; // a server that refuses the tag (a workspace's own)
        }
    }

    private static String real(String path) {
        try {
            Path p = Path.of(path);
            return p.isAbsolute() ? p.toRealPath().toString() : null;
        } catch (IOException | InvalidPathException | SecurityException e) {
            return null; // not a path, or no file there
        }
    }

    private static boolean exists(String path) {
        try {
            return Files.exists(Path.of(path));
        } catch (InvalidPathException | SecurityException e) {
            return false;
        }
    }
}
