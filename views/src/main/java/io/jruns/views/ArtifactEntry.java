package io.jruns.views;

import io.jruns.domain.FileInfo;

/** One listed artifact of a run page; {@code depth} 0 is the artifact root's level. */
public record ArtifactEntry(FileInfo file, int depth) {

    /** The last part of the path: what the tree shows under its folder. */
    public String name() {
        String path = file.path();
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }
}
