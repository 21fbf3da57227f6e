package io.jruns.reproduce;

import java.util.List;

/**
 * The recorded JVM options a reproduced kernel gets again: the user's (-Xmx, -D...), not the
 * machinery of the old kernelspec (its CDS archive, a debugger agent, its class path).
 */
final class ReusableJvmOptions {
    private ReusableJvmOptions() {
    }

    /**
     * Options that run code of their own (a command on a crash, an agent, options read from a
     * file): environment.json is an artifact anyone who can log to the run may replace, so these
     * are left out of a reproduction and named, never passed on silently.
     */
    private static final List<String> RUNNING_CODE = List.of("-XX:OnOutOfMemoryError=", "-XX:OnError=", "-javaagent:",
            "-agentpath:", "-agentlib:", "-Xrun", "-XX:Flags=", "-XX:VMOptionsFile=", "@");

    static List<String> of(List<String> recorded) {
        return reusable(recorded).stream().filter(o -> !runsCode(o)).toList();
    }

    /** The recorded options {@link #of} leaves out because they run code, for a line naming them. */
    static List<String> runningCode(List<String> recorded) {
        return reusable(recorded).stream().filter(ReusableJvmOptions::runsCode).toList();
    }

    private static boolean runsCode(String option) {
        return RUNNING_CODE.stream().anyMatch(option::startsWith);
    }

    private static List<String> reusable(List<String> recorded) {
        return recorded.stream().filter(o -> !(o.startsWith("-XX:SharedArchiveFile=") || o.startsWith("-Xshare:")
                || o.startsWith("-Xlog:cds") || o.startsWith("-XX:+AutoCreateSharedArchive")
                || o.startsWith("-agentlib:jdwp") || o.startsWith("-Djava.class.path=")
                || SecretOptions.isRedacted(o))).toList(); // a secret was not recorded: the user gives it again
    }
}
