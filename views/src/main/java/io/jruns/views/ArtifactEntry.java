package io.jruns.views;

import io.jruns.TrackingClient;
import io.jruns.domain.FileInfo;

import java.util.List;

/** One listed artifact of a run page; {@code depth} 0 is the artifact root's level. */
public record ArtifactEntry(FileInfo file, int depth) {

    /** The last part of the path: what the tree shows under its folder. */
    public String name() {
        String path = file.path();
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }

    /** What a run page lists: at most this many entries, this many folders deep. */
    public static final int MAX_ENTRIES = 300;
    public static final int MAX_DEPTH = 8;

    /**
     * A run's artifacts depth-first into {@code out}, at most {@link #MAX_ENTRIES} of them;
     * true when it stopped at that limit (the page says so).
     */
    public static boolean listTree(TrackingClient client, String runId, List<ArtifactEntry> out) {
        return list(client, runId, "", 0, out);
    }

    private static boolean list(TrackingClient client, String runId, String path, int depth, List<ArtifactEntry> out) {
        for (FileInfo f : client.listArtifacts(runId, path)) {
            if (out.size() >= MAX_ENTRIES) return true;
            out.add(new ArtifactEntry(f, depth));
            if (f.isDir() && depth + 1 < MAX_DEPTH && list(client, runId, f.path(), depth + 1, out)) return true;
        }
        return false;
    }
}
