package io.jruns.reproduce;

import io.jruns.domain.JrunsException;
import io.jruns.domain.SystemTags;

import java.util.regex.Pattern;

/**
 * A run's git tags checked before any git command sees them: anyone who can tag a run on a shared
 * server sets them, and a "commit" such as {@code --upload-pack=CMD} given to git is an option that
 * runs CMD. A commit must be a hex id; a repository location must not look like an option.
 */
final class RecordedGit {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");

    private RecordedGit() {
    }

    /** The run's commit (tag {@link SystemTags#GIT_COMMIT}) when it is a commit id, else one line refusing it. */
    static String commit(String runId, String commit) {
        if (commit != null && !COMMIT.matcher(commit).matches()) {
            throw JrunsException.invalid("run " + runId + "'s tag " + SystemTags.GIT_COMMIT + " is not a commit id (7 to"
                    + " 64 hex digits): " + printable(commit) + "; refused, no git command run");
        }
        return commit;
    }

    /** A repository folder or URL (tag {@code tag}) when it cannot be taken for an option, else one line refusing it. */
    static String location(String runId, String tag, String value) {
        if (value != null && value.startsWith("-")) {
            throw JrunsException.invalid("run " + runId + "'s tag " + tag + " starts with '-', as an option would: "
                    + printable(value) + "; refused, no git command run");
        }
        return value;
    }

    /** A recorded value for one line of output: control and format characters (ESC, U+009B, U+202E) out, long ones cut. */
    static String printable(String value) {
        String s = value.replaceAll("[\\p{Cc}\\p{Cf}]", "?");
        return "'" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "'";
    }
}
