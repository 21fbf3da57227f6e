package io.jruns.reproduce;

/**
 * The {@link KernelSpecs} this process reproduces with: the kernel installs its real one at
 * start-up; elsewhere it stays {@link KernelSpecs#NONE}.
 */
public final class InstalledKernels {
    private static volatile KernelSpecs current = KernelSpecs.NONE;

    private InstalledKernels() {
    }

    public static void use(KernelSpecs kernels) {
        current = kernels == null ? KernelSpecs.NONE : kernels;
    }

    public static KernelSpecs current() {
        return current;
    }
}
