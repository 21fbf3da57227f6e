package io.jruns.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * What an import read past in an MLflow folder, each said in a phrase. A set: runs are read
 * more than once. Links are not followed outside a run's artifacts (where those leading out are
 * left out): a folder may come from anyone, and a link could read any local file into the store.
 */
final class MlrunsLeftOut {
    private final Path root;
    private final Set<String> said = new CopyOnWriteArraySet<>();

    MlrunsLeftOut(Path root) {
        this.root = root;
    }

    List<String> list() {
        return List.copyOf(said);
    }

    /** Whether {@code folder} (an experiment's or a run's) has a meta.yaml to read; a link there (or as the folder) is said. */
    boolean readableMeta(Path folder) {
        Path meta = folder.resolve("meta.yaml");
        if (Files.isSymbolicLink(folder) || Files.isSymbolicLink(meta)) {
            said.add(root.relativize(folder) + (Files.isSymbolicLink(folder) ? ", a link to a folder" : ", whose meta.yaml is a link")
                    + " (not read: only artifacts may be links)");
            return false;
        }
        return MlrunsFiles.plainFile(meta);
    }

    /** A link among params, tags or metrics, files MLflow writes itself. */
    void link(Path link) {
        said.add("link " + root.relativize(link) + ", which leads out of its run's files (only artifacts may be links)");
    }

    void artifactLink(String runId, String link) {
        said.add("artifact link " + runId + "/artifacts/" + link + ", which leads out of its run");
    }

    /** A hidden run folder an export had not finished ({@link RunFolders}). */
    void partial(Path folder) {
        said.add(root.relativize(folder) + ", a run an export was writing when it stopped (export again with --force)");
    }
}
