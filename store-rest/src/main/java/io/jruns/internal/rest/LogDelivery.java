package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The REST store's logging requests on the wire, for {@link LogSender}: a log-batch request or
 * a spool line (which may be a runs/update) is sent, and what the server refuses is told
 * apart from what must be kept for later. Kept apart from the sender, which decides when to
 * send and what to spool, so what one answer means is read in one place.
 */
final class LogDelivery implements AutoCloseable {
    private static final String UPDATE = "runs/update";
    private static final byte[] UPDATE_PREFIX = (UPDATE + " ").getBytes(StandardCharsets.US_ASCII);

    private final RestTransport http;
    private final RestConfig config;
    private final Refusals refusals;
    /** Sends one request at a time while the caller's thread prepares the next. */
    private final ExecutorService wire;
    private final AtomicLong requests = new AtomicLong();

    LogDelivery(RestTransport http, Refusals refusals) {
        this.http = http;
        this.config = http.config();
        this.refusals = refusals;
        this.wire = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jruns-rest-wire");
            t.setDaemon(true);
            return t;
        });
    }

    /** Log-batch requests sent so far. */
    long requestsSent() {
        return requests.get();
    }

    /** Where sending in order stopped: the failure to keep data for, and the bodies not sent (the failed one first). */
    record Stopped(RestException failure, List<byte[]> rest) {
    }

    /**
     * Sends the requests in order; while one is on the wire the next one is serialised, so a
     * long run of requests costs about the network time alone; still only one is in flight, so
     * the order holds. Values refused go into {@code refused}. Returns null when all went,
     * else where it stopped.
     */
    Stopped sendInOrder(List<Object> ready, List<JrunsException> refused) {
        Future<Sent> inFlight = null;
        int flying = -1;
        for (int i = 0; i <= ready.size(); i++) {
            byte[] body = i < ready.size() ? body(ready.get(i)) : null;
            if (inFlight != null) {
                Sent sent = await(inFlight);
                refused.addAll(sent.refused());
                RestException failed = sent.failed();
                if (failed != null) {
                    List<byte[]> rest = new ArrayList<>(List.of(body(ready.get(flying))));
                    if (body != null) rest.add(body);
                    rest.addAll(bodies(ready, i + 1));
                    return new Stopped(failed, rest);
                }
            }
            if (body == null) break;
            byte[] b = body;
            inFlight = wire.submit(() -> {
                List<JrunsException> r = new ArrayList<>();
                try {
                    deliver(b, config.retry(), r);
                    return new Sent(null, r);
                } catch (RestException e) {
                    return new Sent(e, r);
                }
            });
            flying = i;
        }
        return null;
    }

    /** A request's body: a queued {@link LogChunk}, or one already serialised. */
    static byte[] body(Object o) {
        return o instanceof LogChunk c ? c.json() : (byte[]) o;
    }

    static List<byte[]> bodies(List<Object> items, int from) {
        List<byte[]> out = new ArrayList<>();
        for (int i = from; i < items.size(); i++) out.add(body(items.get(i)));
        return out;
    }

    /** What happened to one request on the wire: a failure to keep its data for, and values refused. */
    private record Sent(RestException failed, List<JrunsException> refused) {
    }

    private static Sent await(Future<Sent> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "interrupted while sending logged values");
        } catch (ExecutionException e) {
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "sending logged values failed: " + e.getCause(),
                    e.getCause());
        }
    }

    /** Ends or renames a run (runs/update) now. */
    void update(byte[] body, RetryPolicy policy) {
        http.postBytes(UPDATE, body, RestTransport.Repeat.SAFE, policy, false);
    }

    /** A spool line for a runs/update: the endpoint, a space, the body (log-batch lines are the bare body). */
    static byte[] updateLine(byte[] body) {
        byte[] line = Arrays.copyOf(UPDATE_PREFIX, UPDATE_PREFIX.length + body.length);
        System.arraycopy(body, 0, line, UPDATE_PREFIX.length, body.length);
        return line;
    }

    private static boolean isUpdate(byte[] line) {
        return Arrays.equals(line, 0, Math.min(line.length, UPDATE_PREFIX.length), UPDATE_PREFIX, 0,
                UPDATE_PREFIX.length);
    }

    /**
     * Sends one request or spool line. A log-batch the server refuses is split in halves until
     * the refused values stand alone, so every other value arrives; those are reported into
     * {@code refused}. Throws only when the data must be kept (the server is away).
     */
    void deliver(byte[] line, RetryPolicy policy, List<JrunsException> refused) {
        if (isUpdate(line)) {
            byte[] body = Arrays.copyOfRange(line, UPDATE_PREFIX.length, line.length);
            try {
                update(body, policy);
            } catch (RestException e) {
                if (e.keepData()) throw e;
                config.warnings().accept("jruns: " + e.getMessage()); // e.g. the run was deleted meanwhile
                refused.add(e);
            }
            return;
        }
        try {
            sendOrSplit(line, policy, refused);
        } finally {
            refusals.sayRepeats(refused);
        }
    }

    private void sendOrSplit(byte[] line, RetryPolicy policy, List<JrunsException> refused) {
        try {
            send(line, policy);
        } catch (RestException e) {
            if (e.keepData()) throw e;
            SplitRequest r = SplitRequest.of(line);
            if (!aboutValues(e) || r.size() == 0) refusals.refusedWhole(r.runId(), e, refused);
            else if (r.size() == 1) refusals.refusedByServer(r, e, refused);
            else for (byte[] half : r.halves()) sendOrSplit(half, policy, refused);
        }
    }

    /** Whether a refusal may concern some values only (not the run as a whole: missing, deleted). */
    private static boolean aboutValues(RestException e) {
        if (e.code() != JrunsException.Code.INVALID_PARAMETER_VALUE && e.httpStatus() != 500) return false;
        String m = e.serverMessage() == null ? e.getMessage() : e.serverMessage();
        return !m.contains("must be in the 'active' state") && !m.contains("Content-Type");
    }

    private void send(byte[] body, RetryPolicy policy) {
        http.postBytes("runs/log-batch", body, RestTransport.Repeat.SAFE, policy, false);
        requests.incrementAndGet();
    }

    /** Lets the request on the wire finish. */
    @Override
    public void close() {
        wire.shutdown();
    }
}
