package io.jruns.kernel.magic;

import io.jruns.kernel.JrunsKernel;
import io.jruns.kernel.cell.CellContext;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Our kernel as a magic's host: values are read from JShell's state without compiling anything. */
public final class KernelMagicHost implements MagicHost {
    private final JrunsKernel kernel;
    /** While a magic ends a cell, what it shows is held back so its last output can be the cell's result. */
    private List<Output> held;

    /** Work a magic does; may throw like the magic. */
    public interface MagicWork {
        void run() throws Exception;
    }

    public KernelMagicHost(JrunsKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public void display(Output output) {
        if (held != null) held.add(output);
        else kernel.display(toDisplayData(output));
    }

    static DisplayData toDisplayData(Output output) {
        DisplayData d = new DisplayData(output.text() == null ? "" : output.text());
        if (output.html() != null) d.putHTML(output.html());
        return d;
    }

    /**
     * Runs a magic that ends the cell: everything it shows is published as usual except the
     * last output, which is returned to become the cell's execute_result (Out[n]).
     */
    public DisplayData runAsResult(MagicWork work) throws Exception {
        List<Output> outputs = new java.util.ArrayList<>();
        List<Output> previous = held;
        held = outputs;
        try {
            work.run();
        } finally {
            held = previous;
            for (int i = 0; i < outputs.size() - 1; i++) display(outputs.get(i));
        }
        return outputs.isEmpty() ? null : toDisplayData(outputs.get(outputs.size() - 1));
    }

    @Override
    public void displayValue(Object value) {
        kernel.display(kernel.render(value));
    }

    @Override
    public Object eval(String code) throws Exception {
        return kernel.executeCode(code).value();
    }

    @Override
    public Map<String, Object> values(List<String> names) {
        Map<String, Object> all = kernel.variables();
        Map<String, Object> out = new LinkedHashMap<>();
        for (String n : names) if (all.containsKey(n)) out.put(n, all.get(n));
        return out;
    }

    @Override
    public Optional<Path> notebookPath() {
        return kernel.notebook().path();
    }

    @Override
    public Optional<String> cellId() {
        return kernel.currentCell().flatMap(CellContext::cellIdIfAny);
    }
}
