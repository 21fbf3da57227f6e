package io.jruns.reproduce;

import java.util.List;

/**
 * The recorded JVM options a reproduced kernel gets again: the user's (-Xmx, -D...), not the
 * machinery of the old kernelspec (its CDS archive, a debugger agent, its class path).
 */
final class ReusableJvmOptions {
    private ReusableJvmOptions() {
    }

    static List<String> of(List<String> recorded) {
        return recorded.stream().filter(o -> !(o.startsWith("-XX:SharedArchiveFile=") || o.startsWith("-Xshare:")
                || o.startsWith("-Xlog:cds") || o.startsWith("-XX:+AutoCreateSharedArchive")
                || o.startsWith("-agentlib:jdwp") || o.startsWith("-Djava.class.path=")
                || SecretOptions.isRedacted(o))).toList(); // a secret was not recorded: the user gives it again
    }
}
