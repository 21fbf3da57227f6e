package io.jruns.kernel;

import io.jruns.kernel.cell.CellContext;
import io.jruns.kernel.cell.CellListener;
import io.jruns.kernel.channel.BatchingIOPubChannel;
import io.jruns.kernel.display.DisplayIds;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * One execute_request, end to end: streams, cell listeners around the code, the result, and a
 * failure as an error with our own name/value/traceback (status "error", so nbconvert stops).
 */
final class CellExecution {
    private final CellRunner runner;
    private final List<CellListener> listeners;
    private final KernelIO io;
    private final Consumer<ShellReplyEnvironment> redirectStreams;
    private final DisplayIds displayIds;
    private volatile CellContext current;

    /**
     * @param listeners       called around every cell (the kernel's live list)
     * @param redirectStreams swaps System.out/err for the cell's streams
     */
    CellExecution(CellRunner runner, List<CellListener> listeners, KernelIO io,
            Consumer<ShellReplyEnvironment> redirectStreams, DisplayIds displayIds) {
        this.runner = runner;
        this.listeners = listeners;
        this.io = io;
        this.redirectStreams = redirectStreams;
        this.displayIds = displayIds;
    }

    Optional<CellContext> current() {
        return Optional.ofNullable(current);
    }

    void handle(ShellReplyEnvironment env, Message<ExecuteRequest> message, AtomicInteger executionCount) {
        ExecuteRequest request = message.getContent();
        boolean silent = request.isSilent();
        int count = silent || !request.shouldStoreHistory() ? executionCount.get() : executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        if (!silent) {
            env.publish(new PublishExecuteInput(request.getCode(), count));
        }
        redirectStreams.accept(env);
        io.attach(env, request.isStdinEnabled());
        env.defer(() -> io.detach(env));
        CellContext cell = CellContext.of(count, message.getNonNullMetadata(), request.getCode());
        try {
            DisplayData result = run(cell);
            flushStreams(env);
            if (result != null && !silent) {
                env.publish(new PublishExecuteResult(count, result));
            }
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } catch (Throwable t) {
            flushStreams(env);
            ErrorReport e = ErrorReport.of(t);
            env.publish(new PublishError(e.name(), e.value(), e.traceback()));
            ErrorReply reply = new ErrorReply(e.name(), e.value(), e.traceback());
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        }
    }

    private DisplayData run(CellContext cell) throws Throwable {
        current = cell;
        displayIds.clear();
        Throwable failure = null;
        DisplayData result = null;
        try {
            for (CellListener l : listeners) {
                l.beforeCell(cell);
            }
            result = runner.run(cell.code(), cell.label(), 1).result();
        } catch (Throwable t) {
            failure = t;
        }
        for (CellListener l : listeners) {
            try {
                l.afterCell(cell, failure);
            } catch (Throwable t) {
                if (failure == null) {
                    failure = t;
                } else {
                    failure.addSuppressed(t);
                }
            }
        }
        current = null;
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    /**
     * Stream text printed without a newline must reach the notebook before the result or error,
     * and text the iopub channel holds back to join must go before the execute_reply.
     */
    private static void flushStreams(ShellReplyEnvironment env) {
        System.out.flush();
        System.err.flush();
        if (env.getIopub() instanceof BatchingIOPubChannel iopub) {
            iopub.flush();
        }
    }
}
