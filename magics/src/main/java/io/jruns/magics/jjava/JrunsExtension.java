package io.jruns.magics.jjava;

import io.jruns.Jruns;
import io.jruns.domain.RunStatus;
import io.jruns.magics.JrunsMagics;
import io.jruns.magics.notebook.NotebookIdentity;
import io.jruns.magics.notebook.NotebookMagic;
import io.jruns.magics.notebook.NotebookRunContext;
import io.jruns.magics.registry.MagicRegistry;
import io.jruns.magics.registry.MagicSpec;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * Loads the jruns magics into a stock JJava kernel: put the magics jar (with its
 * dependencies) on {@code JJAVA_CLASSPATH} and ServiceLoader finds this class.
 */
public final class JrunsExtension implements Extension {
    public static final String VERSION = JrunsExtension.class.getPackage().getImplementationVersion() != null
            ? JrunsExtension.class.getPackage().getImplementationVersion() : "dev";

    @Override
    public void install(BaseKernel kernel) {
        if (kernel instanceof HasJrunsMagics) return;
        NotebookIdentity identity = NotebookIdentity.fromEnvironment(System.getenv(), java.nio.file.Path.of("").toAbsolutePath());
        MagicRegistry registry = JrunsMagics.registry().register(new NotebookMagic(identity));
        register(kernel, registry, new BaseKernelHost(kernel, identity));
        Jruns.setRunContext(new NotebookRunContext(identity::path, "jjava-extension " + VERSION));
    }

    /** Registers every magic of the registry with the kernel's own magic table. */
    public static void register(BaseKernel kernel, MagicRegistry registry, io.jruns.magics.host.MagicHost host) {
        for (MagicSpec spec : registry.specs()) {
            if (spec.kind() == MagicSpec.Kind.LINE) {
                kernel.getMagicsRegistry().registerLineMagic(spec.name(), (k, words) -> {
                    registry.run(host, MagicSpec.Kind.LINE, spec.name(), Requote.join(words), null);
                    Jruns.flush();
                    return null;
                });
            } else {
                kernel.getMagicsRegistry().registerCellMagic(spec.name(), (k, words, body) -> {
                    registry.run(host, MagicSpec.Kind.CELL, spec.name(), Requote.join(words), body);
                    Jruns.flush();
                    return null;
                });
            }
        }
    }

    @Override
    public void uninstall(BaseKernel kernel) {
        if (kernel instanceof HasJrunsMagics) return;
        // Kernel shutdown or restart: a run still open did not finish.
        Jruns.endAllRuns(RunStatus.KILLED);
        Jruns.flush();
    }
}
