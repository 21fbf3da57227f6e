package io.jruns.kernel.channel;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/**
 * A shell or control channel whose thread blocks in {@code poll} until a request arrives.
 * jjava 1.0-a6 polls without waiting and then sleeps 50 ms, which added ~50 ms to every
 * request (a kernel_info round trip took 54 ms; ipykernel's takes 2 ms).
 */
final class BlockingShellChannel extends ShellChannel {
    private static final Logger LOG = Logger.getLogger(BlockingShellChannel.class.getName());
    /** How often the thread looks at the running flag while idle. */
    private static final long POLL_MS = 100;

    private final boolean control;
    private final JupyterConnection connection;
    private volatile boolean running;
    private volatile Thread thread;

    BlockingShellChannel(ZMQ.Context ctx, HMACGenerator hmac, boolean control, JupyterConnection connection) {
        super(ctx, hmac, control, connection);
        this.control = control;
        this.connection = connection;
    }

    @Override
    public void bind(KernelConnectionProperties p) {
        if (thread != null) {
            throw new IllegalStateException("channel already bound");
        }
        String address = formatAddress(p.getTransport(), p.getIp(), control ? p.getControlPort() : p.getShellPort());
        if (!bind(address)) {
            throw new IllegalStateException("cannot bind " + address);
        }
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        Thread t = new Thread(() -> loop(poller), control ? "jruns-control" : "jruns-shell");
        thread = t;
        t.start();
    }

    private void loop(ZMQ.Poller poller) {
        try {
            while (running) {
                try {
                    if (poller.poll(POLL_MS) > 0 && running) {
                        handleOne();
                    }
                } catch (RuntimeException e) {
                    if (running) {
                        LOG.log(Level.WARNING, "error on the " + (control ? "control" : "shell") + " channel", e);
                    }
                }
            }
        } finally {
            poller.close();
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void handleOne() {
        Message<?> message = readMessage();
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            LOG.fine(() -> "no handler for " + message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "failed to handle " + message.getHeader().getType().getName(), e);
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
        }
    }

    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(POLL_MS * 5); // the socket must not be closed under a thread polling it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread t = thread;
        if (t == null) {
            return;
        }
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
