package io.jruns.kernel.channel;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.zeromq.ZMQ;

/**
 * The iopub channel, joining consecutive stream messages of one request and stream into one,
 * as ipykernel does. jjava publishes a message per println; a loop printing 20,000 lines
 * overran the PUB socket's high-water mark and the front end silently lost about half of
 * them (and the idle status). Joined text goes out {@link #INTERVAL_MS} after its first piece,
 * at {@link #MAX_CHARS}, on {@link #flush()}, and before any other message (display, result,
 * error, status), so the order the front end sees is the order of publishing.
 */
public final class BatchingIOPubChannel extends IOPubChannel {
    /** Short enough that a slow loop's lines still show as they are printed. */
    static final long INTERVAL_MS = 50;
    /** Keeps a fast loop's messages of a size front ends render smoothly. */
    static final int MAX_CHARS = 64 * 1024;
    /**
     * PUB sockets drop, never block, past this. Raised from ZeroMQ's 1000 for bursts that are
     * not streams (display updates in a loop); streams are joined, so they stay far below it.
     */
    static final int SEND_HIGH_WATER_MARK = 10_000;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jruns-iopub-flush");
        t.setDaemon(true);
        return t;
    });
    private Pending pending; // guarded by this, as the socket is (sendMessage is synchronized)

    public BatchingIOPubChannel(ZMQ.Context ctx, HMACGenerator hmac) {
        super(ctx, hmac);
        setSndHWM(SEND_HIGH_WATER_MARK); // before bind: pipes to subscribers take it when they connect
    }

    @Override
    public synchronized void sendMessage(Message<?> message) {
        if (closed || !(message.getContent() instanceof PublishStream stream)) {
            sendPending();
            super.sendMessage(message);
            return;
        }
        if (pending != null && !pending.continuedBy(message, stream)) {
            sendPending();
        }
        if (pending == null) {
            Pending p = new Pending(message, stream);
            pending = p;
            schedule(p);
        } else {
            pending.text.append(stream.getText());
        }
        if (pending.text.length() >= MAX_CHARS) {
            sendPending();
        }
    }

    /** Publishes the stream text held back, now: before a reply the front end may act on. */
    public synchronized void flush() {
        sendPending();
    }

    @Override
    public void close() {
        flush();
        timer.shutdownNow();
        super.close();
    }

    private void schedule(Pending p) {
        try {
            timer.schedule(() -> {
                synchronized (this) {
                    if (pending == p) {
                        sendPending();
                    }
                }
            }, INTERVAL_MS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            sendPending(); // no timer once closing: send it now rather than hold it
        }
    }

    private void sendPending() {
        Pending p = pending;
        pending = null;
        if (p != null && !closed) {
            super.sendMessage(p.message());
        }
    }

    /** Stream text held back: the first message's envelope, the joined text. */
    private static final class Pending {
        private final Message<?> first;
        private final PublishStream.StreamType type;
        private final StringBuilder text;

        Pending(Message<?> first, PublishStream stream) {
            this.first = first;
            this.type = stream.getStreamType();
            this.text = new StringBuilder(stream.getText());
        }

        /** Same request (parent) and same stream: the front end shows them as one output anyway. */
        boolean continuedBy(Message<?> next, PublishStream stream) {
            return stream.getStreamType() == type && Objects.equals(parentId(next), parentId(first))
                    && sameFrames(next.getIdentities(), first.getIdentities());
        }

        @SuppressWarnings("unchecked")
        Message<PublishStream> message() {
            Header<PublishStream> header = (Header<PublishStream>) first.getHeader();
            return new Message<>(first.getIdentities(), header, first.getParentHeader(), first.getMetadata(),
                    new PublishStream(type, text.toString()), first.getBlobs());
        }

        private static boolean sameFrames(List<byte[]> a, List<byte[]> b) {
            if (a == b) {
                return true;
            }
            if (a == null || b == null || a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!Arrays.equals(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }

        private static String parentId(Message<?> m) {
            return m.hasParentHeader() ? m.getParentHeader().getId() : null;
        }
    }
}
