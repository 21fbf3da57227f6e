package io.jruns.reproduce;

import java.util.List;

/** Which recorded JVM options a new kernel gets: the user's, not the machinery of the old kernelspec. */
final class KernelOptions {
    private KernelOptions() {
    }

    static List<String> reusable(List<String> recorded) {
        return recorded.stream().filter(o -> !(o.startsWith("-XX:SharedArchiveFile=") || o.startsWith("-Xshare:")
                || o.startsWith("-Xlog:cds") || o.startsWith("-XX:+AutoCreateSharedArchive")
                || o.startsWith("-agentlib:jdwp") || o.startsWith("-Djava.class.path="))).toList();
    }
}
