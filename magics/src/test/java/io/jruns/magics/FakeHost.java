package io.jruns.magics;

import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** A notebook stand-in: cell bodies are Java lambdas keyed by their text; variables are a map. */
public final class FakeHost implements MagicHost {
    public final List<Output> shown = new ArrayList<>();
    public final Map<String, Object> variables = new LinkedHashMap<>();
    private final Map<String, Callable<Object>> cells = new HashMap<>();

    public FakeHost cell(String code, Callable<Object> body) {
        cells.put(code, body);
        return this;
    }

    @Override
    public void display(Output output) {
        shown.add(output);
    }

    @Override
    public Object eval(String code) throws Exception {
        Callable<Object> body = cells.get(code);
        if (body == null) throw new IllegalStateException("no such cell: " + code);
        return body.call();
    }

    /** {@code {expression}} in a line: a variable's name, or a cell keyed by the expression's text; else it does not compile. */
    @Override
    public Object evaluate(String expression) throws Exception {
        if (variables.containsKey(expression)) return variables.get(expression);
        Callable<Object> body = cells.get(expression);
        if (body == null) throw new CompileError("cannot find symbol " + expression);
        return body.call();
    }

    @Override
    public Map<String, Object> values(List<String> names) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String n : names) if (variables.containsKey(n)) out.put(n, variables.get(n));
        return out;
    }

    /** What a kernel throws for a cell that does not compile (our kernel's EvaluationFailure of kind COMPILATION). */
    public static final class CompileError extends RuntimeException {
        public CompileError(String message) {
            super(message);
        }
    }

    @Override
    public boolean didNotCompile(Throwable failure) {
        return failure instanceof CompileError;
    }

    /** As our kernel says it: a compile error by its message alone, an exception by name and message. */
    @Override
    public String failureLine(Throwable failure) {
        return failure instanceof CompileError ? failure.getMessage() : MagicHost.super.failureLine(failure);
    }

    @Override
    public Optional<Path> notebookPath() {
        return Optional.empty();
    }

    public String lastText() {
        return shown.get(shown.size() - 1).text();
    }
}
