package io.jruns.kernel.eval;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * Runs snippets inside the kernel's JVM, so values stay objects (rich display, magics and
 * tracking share state with user code). Each snippet runs on its own thread so an interrupt
 * can stop it; the raw value of the last invocation or variable read is kept for the caller.
 *
 * <p>A snippet that ignores the interrupt is force-stopped: by {@code Thread.stop} on JDK 17
 * to 19; from JDK 20, where that throws, by the JDK's own way, which this class inherits from
 * {@link LocalExecutionControl}: its {@code load} weaves a stop check into every method and
 * loop of the snippets' classes, which throws once its {@code stop} has been called. Its
 * {@code invoke} is not used to run a snippet (it waits for every thread the snippet started,
 * so a cell that starts a thread pool would never end); one call of it on an empty method
 * readies the check, as it does for a snippet of its own: before the first snippet, and before
 * the next after a force-stop, to clear the check again (a thread start each, ~0.1 ms).
 */
final class InProcessExecutionControl extends LocalExecutionControl {
    private static final Logger LOG = Logger.getLogger(InProcessExecutionControl.class.getName());
    /** How long an interrupted snippet gets to end by itself before it is force-stopped. */
    private static final long FORCE_STOP_AFTER_MS = 400;
    /** JDK 20 made Thread.stop throw, and gave JShell the woven stop check instead. */
    private static final boolean THREAD_STOP = Runtime.version().feature() < 20;
    private static final Method NOTHING = nothing();

    private final Object lock = new Object();
    private Thread running;          // guarded by lock
    private boolean stopRequested;   // guarded by lock
    private Object capturedValue;    // written and read on the evaluating thread
    private volatile boolean lastStopped;
    /** Whether the cell was stopped before this snippet began (while it compiled, say): then it does not begin. */
    private volatile BooleanSupplier stopPending = () -> false;
    /** Whether the JDK's stop check is ready and clear (JDK 20+). */
    private volatile boolean armed;
    private ScheduledExecutorService stopper;

    private static Method nothing() {
        try {
            Method m = InProcessExecutionControl.class.getDeclaredMethod("doNothing");
            m.setAccessible(true); // invoked from jdk.jshell
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What readies the JDK's stop check (see the class comment). */
    private static void doNothing() {
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        if (!THREAD_STOP && !armed) {
            super.invoke(NOTHING);
            armed = true;
        }
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                result[0] = doit.invoke(null);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "jshell-cell");
        worker.setDaemon(true);
        worker.setContextClassLoader(doit.getDeclaringClass().getClassLoader());
        synchronized (lock) {
            // checked under the lock stop() takes: a stop either comes before (seen here) or finds the worker
            if (stopPending.getAsBoolean()) {
                lastStopped = true;
                throw new StoppedException();
            }
            running = worker;
            stopRequested = false;
        }
        boolean stopped;
        try {
            worker.start();
            worker.join();
        } finally {
            synchronized (lock) {
                running = null;
                stopped = stopRequested;
            }
        }
        if (stopped) {
            lastStopped = true;
            throw new StoppedException();
        }
        if (failure[0] instanceof InvocationTargetException ite) {
            throw ite;
        }
        if (failure[0] instanceof Exception e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new InvocationTargetException(failure[0]);
        }
        capturedValue = result[0];
        return valueString(result[0]);
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        try {
            Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            capturedValue = field.get(null);
            return valueString(capturedValue);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InternalException("cannot read variable " + varName + ": " + e);
        }
    }

    /** The raw value of the last invocation or variable read, cleared by the call. */
    Object takeCapturedValue() {
        Object v = capturedValue;
        capturedValue = null;
        return v;
    }

    /** True once after a snippet was stopped by {@link #stop()}. */
    boolean takeStopped() {
        boolean s = lastStopped;
        lastStopped = false;
        return s;
    }

    void stopPendingFrom(BooleanSupplier pending) {
        this.stopPending = pending;
    }

    /** Interrupts the running snippet; a snippet that ignores interrupts is force-stopped shortly after. */
    @Override
    public void stop() {
        Thread target;
        synchronized (lock) {
            target = running;
            if (target == null) {
                return;
            }
            stopRequested = true;
        }
        target.interrupt();
        synchronized (lock) {
            if (stopper == null) {
                stopper = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "jshell-stopper");
                    t.setDaemon(true);
                    return t;
                });
            }
        }
        stopper.schedule(() -> forceStop(target), FORCE_STOP_AFTER_MS, TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void forceStop(Thread target) {
        synchronized (lock) {
            if (running != target || !target.isAlive()) {
                return;
            }
        }
        try {
            if (THREAD_STOP) {
                target.stop();
            } else {
                armed = false; // the check throws until the next priming call clears it
                super.stop(); // in the snippet's next method call or loop turn
            }
        } catch (UnsupportedOperationException | EngineTerminationException | InternalException e) {
            LOG.log(Level.WARNING, "cannot force-stop the cell; it ends when it checks for interrupts: " + e);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (stopper != null) {
                stopper.shutdownNow();
            }
        }
        super.close();
    }
}
