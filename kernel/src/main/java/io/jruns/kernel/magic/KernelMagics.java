package io.jruns.kernel.magic;

import io.jruns.kernel.JrunsKernel;
import io.jruns.magics.JrunsMagics;
import io.jruns.magics.notebook.NotebookIdentity;
import io.jruns.magics.notebook.NotebookMagic;
import io.jruns.magics.registry.MagicRegistry;

/** The kernel's magic registry: the tracking magics plus the kernel's own. */
public final class KernelMagics {
    private KernelMagics() {
    }

    public static MagicRegistry registry(JrunsKernel kernel) {
        return registry(kernel, kernel.notebook());
    }

    /** The same magics with no kernel behind them: what docs/magics.md describes. */
    public static MagicRegistry documented() {
        return registry(null, NotebookIdentity.fromEnvironment(java.util.Map.of(), java.nio.file.Path.of("")));
    }

    private static MagicRegistry registry(JrunsKernel kernel, NotebookIdentity notebook) {
        return JrunsMagics.registry()
                .register(new NotebookMagic(notebook))
                .register(new MavenMagic(kernel))
                .register(new JarsMagic(kernel));
    }
}
