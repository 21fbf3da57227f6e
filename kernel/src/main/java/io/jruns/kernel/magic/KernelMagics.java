package io.jruns.kernel.magic;

import io.jruns.magics.JrunsMagics;
import io.jruns.magics.notebook.NotebookIdentity;
import io.jruns.magics.notebook.NotebookMagic;
import io.jruns.magics.registry.MagicRegistry;
import io.jruns.reproduce.KernelSpecs;

/** The kernel's magic registry: the tracking magics plus the kernel's own. */
public final class KernelMagics {
    private KernelMagics() {
    }

    /**
     * @param kernels   the Jupyter kernels {@code %reproduce} finds and installs
     * @param classpath what {@code %jars} and {@code %maven} add to
     */
    public static MagicRegistry registry(NotebookIdentity notebook, KernelSpecs kernels, NotebookClasspath classpath) {
        return JrunsMagics.registry(kernels)
                .register(new NotebookMagic(notebook))
                .register(new MavenMagic(classpath))
                .register(new JarsMagic(classpath));
    }

    /** The same magics with no kernel behind them: what docs/magics.md describes. */
    public static MagicRegistry documented() {
        return registry(NotebookIdentity.fromEnvironment(java.util.Map.of(), java.nio.file.Path.of("")), KernelSpecs.NONE, null);
    }
}
