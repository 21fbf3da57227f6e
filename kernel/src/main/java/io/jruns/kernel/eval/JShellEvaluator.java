package io.jruns.kernel.eval;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.VarSnippet;

/**
 * Java evaluation on {@code jdk.jshell}, executing in this JVM. Not thread-safe except
 * {@link #stop()}, which an interrupt calls while a cell runs.
 */
public final class JShellEvaluator implements AutoCloseable {
    private volatile boolean closed;
    private final JShell shell;
    private final InProcessExecutionControl control;
    private final FailureFormatter failures = new FailureFormatter();
    private final CodeAnalysis analysis;
    private final SnippetNotes snippetNotes;
    private final DeferredSnippets deferred = new DeferredSnippets();
    private final AtomicInteger callers = new AtomicInteger(); // cells waiting for or holding the lock
    private volatile boolean stopRequested;
    /** Class path entries the compiler does not see yet: added when a snippet needs them. Guarded by this. */
    private List<String> laterClasspath = List.of();
    /** Packages whose types a cell may name without importing them (see MissingImports). Guarded by this. */
    private MissingImports missingImports = new MissingImports(List.of(), JShellEvaluator.class.getClassLoader());

    private JShellEvaluator(JShell shell, InProcessExecutionControl control) {
        this.shell = shell;
        this.control = control;
        control.stopPendingFrom(() -> stopRequested);
        this.analysis = new CodeAnalysis(shell.sourceCodeAnalysis());
        this.snippetNotes = new SnippetNotes(shell);
    }

    /** A fresh JShell whose compiler sees {@code classpath} (normally this JVM's own class path). */
    public static JShellEvaluator create(List<String> classpath) {
        InProcessExecutionProvider provider = new InProcessExecutionProvider();
        JShell shell = JShell.builder().executionEngine(provider, Map.of()).build();
        if (!classpath.isEmpty()) {
            shell.addToClasspath(String.join(File.pathSeparator, classpath));
        }
        return new JShellEvaluator(shell, provider.control());
    }

    /**
     * Creates an evaluator whose compiler sees this JVM's class path: jruns's API jars from the
     * start, the rest from the first cell that does not compile without them (CompileClasspath).
     */
    public static JShellEvaluator createWithJvmClasspath() {
        String cp = System.getProperty("java.class.path", "");
        return create(CompileClasspath.split(cp.isEmpty() ? List.of() : List.of(cp.split(File.pathSeparator))));
    }

    static JShellEvaluator create(CompileClasspath.Split classpath) {
        InProcessExecutionProvider provider = new InProcessExecutionProvider();
        JShell shell = CompileClasspath.build(() -> JShell.builder().executionEngine(provider, Map.of()).build(),
                classpath.eager());
        JShellEvaluator ev = new JShellEvaluator(shell, provider.control());
        ev.laterClasspath = classpath.lazy();
        return ev;
    }

    /** Whether part of the class path is still kept from the compiler (see CompileClasspath). */
    synchronized boolean hasLaterClasspath() {
        return !laterClasspath.isEmpty();
    }

    private void addLaterClasspathLocked() {
        if (laterClasspath.isEmpty()) return;
        shell.addToClasspath(String.join(File.pathSeparator, laterClasspath));
        laterClasspath = List.of();
    }

    /** Completion and inspection see the default imports and the whole class path, so those come first. */
    public CodeAnalysis analysis() {
        runDeferred();
        synchronized (this) {
            addLaterClasspathLocked();
        }
        return analysis;
    }

    /**
     * Queues start-up snippets to run later (by {@link #runNextDeferred()} in the background, or
     * at once when a cell needs them); a failure goes to {@code failures}, not to a cell.
     */
    public synchronized void defer(List<String> snippets, BiConsumer<String, EvaluationFailure> failures) {
        deferred.add(snippets, failures);
    }

    /** Lets cells name the public types of {@code packages} without importing them (see MissingImports). */
    public synchronized void importWhenMissing(List<String> packages) {
        missingImports = new MissingImports(packages, JShellEvaluator.class.getClassLoader());
    }

    public synchronized boolean hasDeferred() {
        return !deferred.isEmpty();
    }

    /** Runs one deferred snippet; false when there is nothing more to run. */
    public boolean runNextDeferred() {
        synchronized (this) {
            String code = deferred.poll();
            if (code != null) {
                evalDeferred(code);
            }
            return !deferred.isEmpty();
        }
    }

    /** True while a cell is waiting for the evaluator or running on it: background work waits. */
    public boolean busy() {
        return callers.get() > 0;
    }

    /** Runs every deferred snippet now. */
    public void runDeferred() {
        callers.incrementAndGet();
        try {
            synchronized (this) {
                try {
                    runDeferredLocked();
                } finally {
                    stopRequested = false;
                }
            }
        } finally {
            callers.decrementAndGet();
        }
    }

    private void runDeferredLocked() {
        for (String code; (code = deferred.poll()) != null; ) {
            evalDeferred(code);
        }
    }

    private void evalDeferred(String code) {
        try {
            evalLocked(code, SourceRef.of("start-up code"), false); // in order, never deferring again
        } catch (EvaluationFailure e) {
            deferred.failed(code, e);
        }
    }

    /**
     * Evaluates every snippet of {@code code} in order. Snippets before a failing one stay
     * evaluated, as in any REPL.
     *
     * @throws EvaluationFailure when a snippet does not compile, throws, or is interrupted
     */
    public EvalOutcome eval(String code, SourceRef ref) {
        callers.incrementAndGet();
        try {
            synchronized (this) {
                try {
                    return evalLocked(code, ref, true);
                } finally {
                    stopRequested = false; // the stop was this cell's, whenever it came
                }
            }
        } finally {
            callers.decrementAndGet();
        }
    }

    private EvalOutcome evalLocked(String code, SourceRef ref, boolean isCell) {
        if (isCell && !deferred.isEmpty()) {
            // the imports it uses, sooner than a compile that fails for want of them; the rest wait
            for (String used : deferred.takeUsedBy(code)) {
                evalDeferred(used);
            }
        }
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        List<String> assigned = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        EvalOutcome last = EvalOutcome.empty();
        String remaining = code;
        while (!remaining.isBlank()) {
            if (stopRequested) {
                throw FailureFormatter.interrupted();
            }
            CompletionInfo info = sca.analyzeCompletion(remaining);
            boolean complete = info.completeness().isComplete();
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            // JShell keeps leading blank lines in the snippet; drop them so its line 1 is the code's
            String src = (complete ? info.source() : remaining).stripLeading();
            int start = code.length() - remaining.length() + Snippets.offsetIn(remaining, src);
            SourceRef at = new SourceRef(ref.label(), ref.firstLine() + FailureFormatter.lineOf(code, start) - 1);
            last = evalSnippet(src, at, assigned, notes, isCell);
            remaining = complete ? info.remaining() : "";
        }
        return new EvalOutcome(last.hasValue(), last.value(), last.typeName(), assigned, notes);
    }

    private EvalOutcome evalSnippet(String src, SourceRef at, List<String> assigned, List<String> notes, boolean isCell) {
        control.takeCapturedValue();
        List<SnippetEvent> events = shell.eval(src);
        boolean imports = isCell && !deferred.isEmpty();
        if ((imports || !laterClasspath.isEmpty()) && Snippets.needCompletion(events)) {
            // it did not compile, or declared something unresolved: it had no effect yet, and the
            // default imports or the rest of the class path may be what it lacks, so add them and
            // evaluate it again
            if (imports) runDeferredLocked();
            addLaterClasspathLocked();
            control.takeCapturedValue();
            events = shell.eval(src);
        }
        if (Snippets.needCompletion(events)) events = missingImports.complete(shell, control::takeCapturedValue, src, events, notes);
        ImportClash.dropShadowed(shell, events, notes);
        Object raw = control.takeCapturedValue();
        EvalOutcome result = EvalOutcome.empty();
        for (SnippetEvent ev : events) {
            if (ev.causeSnippet() != null) {
                SnippetNotes.reset(ev).ifPresent(notes::add);
                continue;
            }
            Snippet s = ev.snippet();
            failures.remember(s.id(), at);
            if (ev.status() == Snippet.Status.REJECTED) {
                throw failures.compilation(src, at, shell.diagnostics(s).collect(Collectors.toList()));
            }
            if (control.takeStopped() || stopRequested) {
                throw FailureFormatter.interrupted();
            }
            if (ev.exception() != null) {
                throw failures.exception(ev.exception(), snippetNotes.unresolvedDetail(ev));
            }
            if (ev.status() == Snippet.Status.RECOVERABLE_DEFINED || ev.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                notes.add(snippetNotes.unresolved((DeclarationSnippet) s));
            }
            result = Snippets.classify(s, raw, assigned);
        }
        return result;
    }

    /** Current values of the user's variables (not JShell's {@code $N} temporaries), by name. */
    public synchronized Map<String, Object> variables() {
        Map<String, Object> values = new LinkedHashMap<>();
        shell.variables().forEach(v -> {
            if (v.subKind() != Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND && shell.status(v) == Snippet.Status.VALID) {
                shell.varValue(v);
                values.put(v.name(), control.takeCapturedValue());
            }
        });
        return values;
    }

    /** The value of one variable, if it exists and is valid. */
    public synchronized Optional<Object> variable(String name) {
        Optional<VarSnippet> v = shell.variables()
                .filter(s -> s.name().equals(name) && shell.status(s) == Snippet.Status.VALID).findFirst();
        return v.map(s -> {
            shell.varValue(s);
            return control.takeCapturedValue();
        });
    }

    /** Makes classes of {@code path} (a jar or directory) visible to later snippets. */
    public synchronized void addToClasspath(Path path) {
        shell.addToClasspath(path.toAbsolutePath().toString());
    }

    /** Asks the running cell to stop; safe to call from any thread. */
    public void stop() {
        if (busy()) stopRequested = true; // kept until the cell ends: a stop while it compiles still counts
        shell.stop();
    }

    @Override
    public void close() {
        closed = true;
        shell.close();
    }

    /** True once the kernel has shut this evaluator down. */
    public boolean closed() {
        return closed;
    }
}
