package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Log-batch requests (and run updates) that could not reach the server, on local disk until
 * they can: one append-only file per server (one request body per line; a run update is
 * {@code runs/update BODY}) and a small {@code .pos} file with
 * how far the replay got. Every operation holds the JVM's monitor and an OS lock on the file,
 * so several stores and several processes logging to the same server share it safely; the
 * replay holds them while it sends, so no request is sent by two of them.
 */
final class Spool {
    /** What a replay does with each request; it throws to stop the replay there. */
    interface Sender {
        /** Sends one request; returns normally when it is done with (sent, or refused for good). */
        void send(byte[] body);
    }

    /** How a replay ended: how many requests it got rid of, and whether some are left. */
    record Drained(int sent, boolean emptied) {
    }

    private static final Map<Path, Spool> OPEN = new ConcurrentHashMap<>();
    private static final int POS_WIDTH = 20;

    private final Path file;
    private final Path posFile;

    private Spool(Path file) {
        this.file = file;
        this.posFile = file.resolveSibling(file.getFileName() + ".pos");
    }

    /** The one Spool object of this JVM for {@code file}. */
    static Spool at(Path file) {
        return OPEN.computeIfAbsent(file.toAbsolutePath().normalize(), Spool::new);
    }

    Path file() {
        return file;
    }

    synchronized boolean hasPending() {
        if (!Files.exists(file)) return false;
        return locked(ch -> readPos() < ch.size());
    }

    /** Appends request bodies, one per line; with {@code sync} they are on disk when this returns. */
    synchronized void append(List<byte[]> bodies, boolean sync) {
        if (bodies.isEmpty() && !sync) return;
        locked(ch -> {
            ch.position(ch.size());
            if (ch.size() > 0 && lastByte(ch) != '\n') write(ch, new byte[]{'\n'}); // end a record torn by a crash
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            for (byte[] b : bodies) {
                buf.write(b);
                buf.write('\n');
            }
            write(ch, buf.toByteArray());
            if (sync) ch.force(false);
            return null;
        });
    }

    /** Sends the waiting requests in order until the sender throws; an emptied spool is truncated. */
    synchronized Drained drain(Sender sender) {
        return locked(ch -> {
            long pos = readPos();
            int sent = 0;
            try {
                while (pos < ch.size()) {
                    Line line = readLine(ch, pos);
                    if (line == null) break; // torn last record: never acknowledged, nothing to send
                    if (line.looksLikeJson()) sender.send(line.body());
                    pos = line.end();
                    writePos(pos);
                    sent++;
                }
            } finally {
                if (pos >= ch.size()) {
                    ch.truncate(0);
                    writePos(0);
                }
            }
            return new Drained(sent, ch.size() == 0);
        });
    }

    /** How many requests wait (for messages). */
    synchronized int pendingCount() {
        if (!Files.exists(file)) return 0;
        return locked(ch -> {
            int n = 0;
            long pos = readPos();
            Line l;
            while (pos < ch.size() && (l = readLine(ch, pos)) != null) {
                n++;
                pos = l.end();
            }
            return n;
        });
    }

    private record Line(byte[] body, long end) {
        /** A log-batch body, or an endpoint, a space and a body (runs/update): a torn record is neither. */
        boolean looksLikeJson() {
            if (body.length < 2 || body[body.length - 1] != '}') return false;
            if (body[0] == '{') return true;
            int space = 0;
            while (space < body.length && body[space] != ' ') space++;
            return space + 1 < body.length && body[space + 1] == '{';
        }
    }

    private static Line readLine(FileChannel ch, long start) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long at = start;
        while (true) {
            buf.clear();
            int n = ch.read(buf, at);
            if (n <= 0) return null;
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    out.write(buf.array(), 0, i);
                    return new Line(out.toByteArray(), at + i + 1);
                }
            }
            out.write(buf.array(), 0, n);
            at += n;
        }
    }

    private static byte lastByte(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1);
        ch.read(b, ch.size() - 1);
        return b.get(0);
    }

    private static void write(FileChannel ch, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) ch.write(b);
    }

    private long readPos() throws IOException {
        if (!Files.exists(posFile)) return 0;
        String s = Files.readString(posFile, StandardCharsets.US_ASCII).trim();
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IOException("damaged spool position file " + posFile + ": '" + Texts.head(s) + "'");
        }
    }

    /** A fixed-width number written in one write, so a crash leaves the old or the new value. */
    private void writePos(long pos) throws IOException {
        String s = String.format("%0" + POS_WIDTH + "d\n", pos);
        try (FileChannel ch = FileChannel.open(posFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            write(ch, s.getBytes(StandardCharsets.US_ASCII));
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(FileChannel ch) throws IOException;
    }

    private <T> T locked(Work<T> work) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
                return work.run(ch);
            }
        } catch (IOException e) {
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "spool " + file + ": " + e.getMessage(), e);
        }
    }
}
