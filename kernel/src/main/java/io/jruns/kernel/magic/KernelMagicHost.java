package io.jruns.kernel.magic;

import io.jruns.kernel.cell.CellContext;
import io.jruns.kernel.display.NotebookDisplay;
import io.jruns.kernel.eval.EvaluationFailure;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.notebook.NotebookIdentity;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Our kernel as a magic's host: values are read from JShell's state without compiling anything. */
public final class KernelMagicHost implements MagicHost {
    private final NotebookDisplay screen;
    private final NotebookCode code;
    private final NotebookIdentity notebook;
    private final Supplier<Optional<CellContext>> currentCell;
    /** While a magic ends a cell, what it shows is held back so its last output can be the cell's result. */
    private List<Output> held;

    /** Work a magic does; may throw like the magic. */
    public interface MagicWork {
        void run() throws Exception;
    }

    public KernelMagicHost(NotebookDisplay screen, NotebookCode code, NotebookIdentity notebook,
            Supplier<Optional<CellContext>> currentCell) {
        this.screen = screen;
        this.code = code;
        this.notebook = notebook;
        this.currentCell = currentCell;
    }

    @Override
    public void display(Output output) {
        if (held != null) held.add(output);
        else screen.show(toDisplayData(output));
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
        screen.show(screen.render(value));
    }

    @Override
    public Object eval(String code) throws Exception {
        return this.code.eval(code);
    }

    @Override
    public Map<String, Object> values(List<String> names) {
        Map<String, Object> all = code.variables();
        Map<String, Object> out = new LinkedHashMap<>();
        for (String n : names) if (all.containsKey(n)) out.put(n, all.get(n));
        return out;
    }

    @Override
    public Optional<Path> notebookPath() {
        return notebook.path();
    }

    @Override
    public boolean interrupted(Throwable failure) {
        return EvaluationFailure.interrupted(failure) || MagicHost.super.interrupted(failure);
    }

    @Override
    public boolean didNotCompile(Throwable failure) {
        return failure instanceof EvaluationFailure f && f.kind() == EvaluationFailure.Kind.COMPILATION;
    }

    /** A compile error's first message with its details ({@code symbol: variable x}); an exception's name and message. */
    @Override
    public String failureLine(Throwable failure) {
        if (!(failure instanceof EvaluationFailure f)) return MagicHost.super.failureLine(failure);
        if (f.kind() != EvaluationFailure.Kind.COMPILATION) {
            return f.errorName() + (f.getMessage() == null || f.getMessage().isEmpty() ? "" : ": " + f.getMessage());
        }
        List<String> lines = f.traceback();
        List<String> details = new java.util.ArrayList<>();
        // the first diagnostic's message lines follow its caret, up to the next diagnostic
        for (int i = lines.indexOf(f.getMessage()) + 1; i > 0 && i < lines.size() && !lines.get(i).startsWith("Compilation "); i++) {
            details.add(lines.get(i).strip().replaceAll("\\s+", " "));
        }
        return f.getMessage() + (details.isEmpty() ? "" : " (" + String.join("; ", details) + ")");
    }

    @Override
    public Optional<String> cellId() {
        return currentCell.get().flatMap(CellContext::cellIdIfAny);
    }
}
