package io.jruns.domain;

/** Where a run keeps its notebook among its artifacts (names, not tags: see {@link SystemTags}). */
public final class NotebookArtifacts {
    /** The copy of the saved notebook taken as the run starts. */
    public static final String DIR = "notebook";
    /** The notebook that ran, stored at the run's end when it is not that copy (cells edited and run before saving). */
    public static final String RAN_DIR = "notebook/ran";

    private NotebookArtifacts() {
    }
}
