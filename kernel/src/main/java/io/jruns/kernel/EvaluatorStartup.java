package io.jruns.kernel;

import io.jruns.kernel.eval.EvaluationFailure;
import io.jruns.kernel.eval.JShellEvaluator;
import io.jruns.kernel.eval.SourceRef;
import io.jruns.kernel.tracking.TrackingHooks;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds JShell in the background so the kernel answers kernel_info at once; the first cell,
 * completion or is_complete waits for it. The start-up snippets (imports) run after it is up,
 * in the background, and at once for a cell that needs them.
 */
final class EvaluatorStartup {
    private static final Logger LOG = Logger.getLogger(EvaluatorStartup.class.getName());

    private final CompletableFuture<JShellEvaluator> future = new CompletableFuture<>();
    private final List<String> snippets = new ArrayList<>();
    private boolean ready; // guarded by this
    private volatile Thread initThread;
    private final AtomicInteger waiting = new AtomicInteger(); // cells waiting for JShell to be built

    EvaluatorStartup(List<String> initialSnippets) {
        snippets.addAll(initialSnippets);
    }

    /** Runs {@code beforeBuild} (extension installation), then builds the evaluator, on a daemon thread. */
    void start(Runnable beforeBuild) {
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                beforeBuild.run();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "kernel extensions failed to install", e);
            }
            try {
                long t1 = System.nanoTime();
                JShellEvaluator ev = JShellEvaluator.createWithJvmClasspath();
                ev.importWhenMissing(TrackingHooks.API_PACKAGES);
                long t2 = System.nanoTime();
                synchronized (this) {
                    ev.defer(List.copyOf(snippets), (code, e) -> {
                        if (!ev.closed()) startupFailed(code, e); // a shutdown interrupts what is left
                    });
                    ready = true;
                }
                LOG.fine(() -> String.format("JShell ready at JVM uptime %d ms: extensions %d ms, JShell %d ms",
                        ManagementFactory.getRuntimeMXBean().getUptime(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000));
                future.complete(ev);
                drain(ev);
                LOG.fine(() -> String.format("start-up snippets done at JVM uptime %d ms",
                        ManagementFactory.getRuntimeMXBean().getUptime()));
            } catch (Throwable e) {
                LOG.log(Level.SEVERE, "JShell failed to start", e);
                future.completeExceptionally(e);
            }
        }, "jshell-init");
        t.setDaemon(true);
        initThread = t;
        t.start();
    }

    /** Runs {@code code} at start-up, or now if the evaluator is already up. */
    void addSnippet(String code) {
        synchronized (this) {
            if (!ready) {
                snippets.add(code);
                return;
            }
        }
        get().eval(code, SourceRef.of("start-up code"));
    }

    JShellEvaluator get() {
        if (Thread.currentThread() == initThread && !future.isDone()) {
            throw new IllegalStateException("JShell is not up while extensions install; "
                    + "use JrunsKernel.addStartupSnippet for code to run at start");
        }
        waiting.incrementAndGet();
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Java evaluator was starting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the Java evaluator failed to start: " + e.getCause(), e.getCause());
        } finally {
            waiting.decrementAndGet();
        }
    }

    Optional<JShellEvaluator> ifReady() {
        return future.isDone() && !future.isCompletedExceptionally() ? Optional.of(future.join()) : Optional.empty();
    }

    /**
     * Evaluates the start-up snippets one by one in the background, stepping aside while a
     * cell waits: a first cell that needs none of them runs without waiting for them all.
     */
    private void drain(JShellEvaluator ev) {
        try {
            boolean more = true;
            boolean quiet = false;
            while (more && !ev.closed()) {
                if (ev.busy() || waiting.get() > 0) {
                    quiet = false;
                    Thread.sleep(2);
                } else if (!quiet) {
                    quiet = true; // look twice: a cell just handed JShell takes it within microseconds
                    Thread.sleep(2);
                } else {
                    more = ev.runNextDeferred();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            if (!ev.closed()) {
                throw e;
            }
            // the kernel shut down before the imports were all in: nothing left to import them for
        }
    }

    private static void startupFailed(String code, EvaluationFailure e) {
        LOG.warning("start-up code failed: " + code.strip() + ": " + e.getMessage());
    }
}
