package io.jruns.kernel;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

/** Magics that third-party jjava extensions registered: run by jjava's own dispatch, which takes the kernel. */
final class ExtensionMagics {
    private final MagicsRegistry registry;
    private final BaseKernel kernel;

    ExtensionMagics(MagicsRegistry registry, BaseKernel kernel) {
        this.registry = registry;
        this.kernel = kernel;
    }

    boolean hasLine(String name) {
        return registry.getLineMagicNames().contains(name);
    }

    boolean hasCell(String name) {
        return registry.getCellMagicNames().contains(name);
    }

    Object line(String name, List<String> args) throws Exception {
        return registry.evalLineMagic(kernel, name, args);
    }

    Object cell(String name, List<String> args, String body) throws Exception {
        return registry.evalCellMagic(kernel, name, args, body);
    }
}
