package io.jruns.magics.jjava;

import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.notebook.NotebookIdentity;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.nio.file.Path;
import java.util.Optional;

/** Runs our magics on any JJava-based kernel, through BaseKernel's public API. */
public final class BaseKernelHost implements MagicHost {
    private final BaseKernel kernel;
    private final NotebookIdentity identity;

    public BaseKernelHost(BaseKernel kernel, NotebookIdentity identity) {
        this.kernel = kernel;
        this.identity = identity;
    }

    @Override
    public void display(Output output) {
        kernel.display(toDisplayData(output));
    }

    public static DisplayData toDisplayData(Output output) {
        DisplayData d = new DisplayData(output.text() == null ? "" : output.text());
        if (output.html() != null) d.putHTML(output.html());
        return d;
    }

    @Override
    public Object eval(String code) {
        return kernel.evalRaw(code);
    }

    @Override
    public Optional<Path> notebookPath() {
        return identity.path();
    }
}
