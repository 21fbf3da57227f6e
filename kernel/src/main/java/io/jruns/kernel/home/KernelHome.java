package io.jruns.kernel.home;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where the kernel's files are: the folder holding {@code jruns-kernel.jar} (a kernelspec
 * folder, or {@code target/}), or the parent of {@code target/classes} when run from a build.
 */
public final class KernelHome {
    private KernelHome() {
    }

    /** The kernel's own code: a jar file or a classes folder. */
    public static Path codeSource() {
        try {
            return Path.of(KernelHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where the kernel's code is: " + e, e);
        }
    }

    public static Path locate() {
        return codeSource().toAbsolutePath().getParent();
    }
}
