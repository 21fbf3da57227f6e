package io.jruns.reproduce;

import io.jruns.domain.NotebookArtifacts;
import io.jruns.domain.JrunsException;
import io.jruns.domain.FileInfo;
import io.jruns.domain.Run;
import io.jruns.domain.SystemTags;
import io.jruns.TrackingClient;
import io.jruns.source.FileDigest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The notebook a run was made by: the notebook that ran, stored at the run's end
 * ({@code notebook/ran/<name>.ipynb}: cells edited and run before saving are in it), else the
 * saved copy stored at its start ({@code notebook/<name>.ipynb}), else {@code git show <commit>:<path>} in the repository
 * the notebook is in, unless the run says that commit does not hold it ({@code jruns.source.git.untracked}).
 *
 * @param fileName the notebook's file name
 * @param from     where the text came from, for progress lines
 */
public record NotebookSource(String text, String fileName, String from) {
    static final String ARTIFACT_DIR = "notebook";

    public static NotebookSource of(TrackingClient reader, Run run) {
        String source = run.data().tags().get(SystemTags.SOURCE_NAME);
        Optional<NotebookSource> copy = storedCopy(reader, run, source, NotebookArtifacts.RAN_DIR);
        if (copy.isEmpty()) copy = storedCopy(reader, run, source, ARTIFACT_DIR);
        if (copy.isPresent()) return copy.get();
        String commit = RecordedGit.commit(run.runId(), run.data().tags().get(SystemTags.GIT_COMMIT));
        if (commit != null && "true".equalsIgnoreCase(run.data().tags().get(SystemTags.GIT_UNTRACKED))) {
            // the commit is the repository's, not the notebook's: no git show could give what ran
            throw JrunsException.notFound("run " + run.runId() + " has no stored notebook copy, and its notebook was in no"
                    + " commit when it ran (never committed; " + abbrev(commit) + " was the repository's HEAD): nothing to"
                    + " reproduce it from");
        }
        if (commit != null && source != null && source.endsWith(".ipynb")) {
            return checked(CommittedNotebook.show(run.runId(), Path.of(source), commit), run);
        }
        throw JrunsException.notFound("run " + run.runId() + " has no stored notebook copy (" + ARTIFACT_DIR
                + "/*.ipynb) and no git commit of its notebook: nothing to reproduce it from"
                + (source == null ? "" : " (its source is " + source + ")"));
    }

    /** Whether the run stored a notebook (the one that ran, or the saved copy): a notebook run, whatever made it. */
    static boolean isStored(TrackingClient reader, Run run) {
        return List.of(NotebookArtifacts.RAN_DIR, ARTIFACT_DIR).stream().anyMatch(dir -> reader.listArtifacts(run.runId(), dir)
                .stream().anyMatch(f -> !f.isDir() && f.path().endsWith(".ipynb")));
    }

    private static Optional<NotebookSource> storedCopy(TrackingClient reader, Run run, String source, String dir) {
        List<FileInfo> files = reader.listArtifacts(run.runId(), dir).stream()
                .filter(f -> !f.isDir() && f.path().endsWith(".ipynb")).toList();
        if (files.isEmpty()) return Optional.empty();
        String wanted = source == null ? "" : Path.of(source).getFileName().toString();
        FileInfo f = files.stream().filter(x -> x.path().equals(dir + "/" + wanted)).findFirst().orElse(files.get(0));
        String revision = run.data().tags().get(SystemTags.NOTEBOOK_REVISION);
        String rev = revision == null ? "" : " (revision " + abbrev(revision) + ")";
        boolean unsaved = "true".equalsIgnoreCase(run.data().tags().get(SystemTags.NOTEBOOK_UNSAVED));
        String from = !dir.equals(NotebookArtifacts.RAN_DIR) ? "the copy stored with the run" + rev
                : unsaved ? "the code that ran, stored with the run; it differs from the saved notebook" + rev
                        + ": cells were edited and run before saving"
                : "the code that ran, stored with the run" + rev;
        try {
            String text = Files.readString(reader.downloadArtifact(run.runId(), f.path()));
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            return Optional.of(new NotebookSource(text, name, from));
        } catch (IOException e) {
            throw JrunsException.invalid("cannot read the notebook copy " + f.path() + " of run " + run.runId() + ": " + e.getMessage());
        }
    }

    /**
     * The committed notebook is the run's only when the run's notebook had no uncommitted
     * changes: its recorded revision (SHA-256 of the saved file) must match, else another
     * notebook would be reproduced under the run's name.
     */
    static NotebookSource checked(NotebookSource committed, Run run) {
        String revision = run.data().tags().get(SystemTags.NOTEBOOK_REVISION);
        boolean dirty = "true".equalsIgnoreCase(run.data().tags().get(SystemTags.GIT_DIRTY));
        String got = FileDigest.sha256(committed.text().getBytes(StandardCharsets.UTF_8));
        // cells edited and run before saving are in no commit, whatever the revision says
        boolean unsaved = "true".equalsIgnoreCase(run.data().tags().get(SystemTags.NOTEBOOK_UNSAVED));
        if (unsaved || (revision != null ? !revision.equalsIgnoreCase(got) : dirty)) {
            throw JrunsException.invalid("run " + run.runId() + " stored no notebook copy, and " + committed.from()
                    + " is not the notebook that made it" + (dirty ? " (it ran with changes not committed)" : "")
                    + (unsaved ? " (it ran cells edited and not saved)" : "")
                    + (revision == null ? "" : ": its revision is " + abbrev(revision) + ", the commit's " + abbrev(got))
                    + "; nothing reproduced");
        }
        return committed;
    }

    private static String abbrev(String sha) {
        return sha.substring(0, Math.min(12, sha.length()));
    }
}
