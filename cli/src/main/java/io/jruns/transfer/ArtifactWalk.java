package io.jruns.transfer;

import io.jruns.domain.FileInfo;
import io.jruns.store.StoreReader;

import java.util.ArrayList;
import java.util.List;

/** Every artifact file of a run, depth first, as paths relative to its artifact root. */
final class ArtifactWalk {
    private ArtifactWalk() {
    }

    static List<String> files(StoreReader store, String runId) {
        List<String> out = new ArrayList<>();
        walk(store, runId, "", out);
        return out;
    }

    private static void walk(StoreReader store, String runId, String path, List<String> out) {
        for (FileInfo f : store.listArtifacts(runId, path)) {
            if (f.isDir()) walk(store, runId, f.path(), out);
            else out.add(f.path());
        }
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
