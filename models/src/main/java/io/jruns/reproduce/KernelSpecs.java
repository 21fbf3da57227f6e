package io.jruns.reproduce;

import java.util.List;
import java.util.Optional;

/**
 * The Jupyter kernels installed here, as reproducing a run needs them: is the run's kernel
 * still installed, and if not, install one like it. The kernel module supplies the real one
 * (it asks {@code jupyter kernelspec list} and writes kernelspecs); {@link #NONE} is what a
 * process without Jupyter has.
 */
public interface KernelSpecs {
    /** A kernelspec: its name, what Jupyter shows, and its folder. */
    record KernelRef(String name, String displayName, String resourceDir) { }

    /** False when this process cannot tell which kernels are installed. */
    default boolean canCheck() {
        return true;
    }

    Optional<KernelRef> find(String name);

    /**
     * Installs a jruns kernelspec named {@code name} whose JVM runs with {@code jvmOptions},
     * beside {@code near} (the original kernel's folder) when that is possible, else in the
     * user's Jupyter folder.
     */
    KernelRef install(String name, String displayName, List<String> jvmOptions, String near);

    KernelSpecs NONE = new KernelSpecs() {
        @Override
        public boolean canCheck() {
            return false;
        }

        @Override
        public Optional<KernelRef> find(String name) {
            return Optional.empty();
        }

        @Override
        public KernelRef install(String name, String displayName, List<String> jvmOptions, String near) {
            throw new UnsupportedOperationException("cannot install kernels from here: run jruns reproduce or jruns install");
        }
    };
}
