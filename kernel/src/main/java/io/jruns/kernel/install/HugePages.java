package io.jruns.kernel.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether the kernel JVM should ask Linux for transparent huge pages. On the 2-core machine the
 * kernel is measured on, touching fresh memory costs ~3 ms per MB in 4 KiB pages, and a kernel
 * touches ~100 MB (about 21,000 page faults) before its first result; in 2 MB pages that is
 * ~50 ms sooner to the first {@code 1+1} (bench/kernel). The flag only matters in {@code madvise}
 * mode: {@code always} already gives every mapping huge pages, and under {@code never} the JVM
 * prints a warning on each launch, so it is left out there.
 */
final class HugePages {
    static final Path MODE_FILE = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    static final String OPTION = "-XX:+UseTransparentHugePages";

    private HugePages() {
    }

    /** The JVM option to add for the mode written in {@code modeFile} (e.g. "always [madvise] never"). */
    static Optional<String> option(Path modeFile) {
        try {
            return Files.readString(modeFile).contains("[madvise]") ? Optional.of(OPTION) : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty(); // not Linux, or no THP: the default pages it is
        }
    }

    static List<String> options() {
        return option(MODE_FILE).stream().toList();
    }
}
