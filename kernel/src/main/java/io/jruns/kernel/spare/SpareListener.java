package io.jruns.kernel.spare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A spare's end of the hand-off: holds {@code KEY.lock} (which names its pid) so that one spare
 * waits per key, listens on {@code KEY.sock}, and answers the first launch that connects. The
 * lock and the socket go as soon as it has, so the next spare can start.
 */
public final class SpareListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SpareListener.class.getName());

    private final SpareConfig config;
    private final FileChannel lockFile;
    private final FileLock lock;
    private ServerSocketChannel server;
    private Optional<Adoption> adoption = Optional.empty();
    private boolean closed; // guarded by this

    private SpareListener(SpareConfig config, FileChannel lockFile, FileLock lock) {
        this.config = config;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /** Empty when another spare holds the key. */
    public static Optional<SpareListener> claim(SpareConfig config) throws IOException {
        return claim(config, false);
    }

    /**
     * @param forServer started by jruns's Jupyter server extension, which wants a spare only
     *     while no kernel a spare became runs ({@link KernelMark}): empty too when one does. Checked
     *     holding the lock, which that spare wrote its mark before giving up.
     */
    public static Optional<SpareListener> claim(SpareConfig config, boolean forServer) throws IOException {
        PrivateDir.create(config.dir());
        FileChannel f = FileChannel.open(config.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = f.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException heldHere) {
            l = null; // by this JVM (tests); another JVM's lock makes tryLock return null
        }
        if (l == null || forServer && KernelMark.kernelRuns(config)) {
            if (l != null) {
                l.release(); // the lock file as it was: no pid, the kernel's spare may take it
            }
            f.close();
            return Optional.empty();
        }
        f.truncate(0);
        f.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
        // a killed spare's socket: gone now, so that a socket beside a live pid is one that listens
        Files.deleteIfExists(config.socket());
        return Optional.of(new SpareListener(config, f, l));
    }

    /** The live spare that holds the key, by the pid its lock file names; empty when none. */
    static Optional<ProcessHandle> holder(SpareConfig config) {
        try {
            String pid = Files.readString(config.lock()).strip();
            return pid.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Binds the socket (after everything is warm: a launcher that connects is served at once),
     * ready to take the notebook's variables and folder of a launch for another notebook.
     */
    public void listen() throws IOException {
        listen(Adoption.open(config.dir()));
    }

    /** @param adoption without it, the spare serves only its own notebook's launch */
    void listen(Optional<Adoption> adoption) throws IOException {
        this.adoption = adoption;
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(config.socket()));
    }

    /**
     * The launch this spare serves, or empty: it waited its idle time, or the first launch to
     * reach it came with another environment, or for a reinstalled kernel. A launch for another
     * notebook, of any folder, is served with that notebook's variables and folder (where the
     * spare can take them, see {@link Adoption}). Either way the spare then exits, leaving the
     * name to a spare started by the new kernel.
     */
    public Optional<HandOff> await(Path cwd, Map<String, String> env, ClasspathStamp build) throws IOException {
        long deadline = System.nanoTime() + config.idle().toNanos();
        server.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            SocketChannel ch = null;
            while (ch == null) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return Optional.empty();
                }
                selector.select(left);
                selector.selectedKeys().clear();
                ch = server.accept();
            }
            return answer(ch, cwd, env, build);
        }
    }

    private Optional<HandOff> answer(SocketChannel ch, Path cwd, Map<String, String> env, ClasspathStamp build) {
        try {
            ch.configureBlocking(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            String line = in.readLine();
            HandOffRequest request = line == null ? null : HandOffRequest.parse(line);
            Optional<String> why = request == null ? Optional.of("no request")
                    : request.mismatch(cwd, env, adoption.isPresent(), adoption.map(Adoption::canMove).orElse(false))
                    .or(() -> build.changedIn(ClasspathStamp.current()).map(jar -> jar + " changed since the spare started"))
                    // before "ok": no cell runs before the notebook's variables and folder are set
                    .or(() -> adoption.isEmpty() || adoption.get().adopt(request, cwd) ? Optional.empty()
                            : Optional.of("the notebook's variables or folder could not be set"));
            if (why.isEmpty()) {
                KernelMark.write(config); // before the lock goes: whoever takes it next sees the kernel
            }
            close(); // before answering: a second launcher now finds no socket and starts a JVM
            if (why.isPresent()) {
                LOG.info("spare: exits without serving a launch: " + why.get());
                ch.write(ByteBuffer.wrap(("no: " + why.get() + "\n").getBytes(StandardCharsets.UTF_8)));
                ch.close();
                return Optional.empty();
            }
            ch.write(ByteBuffer.wrap("ok\n".getBytes(StandardCharsets.UTF_8)));
            return Optional.of(new HandOff(request.connectionFile(), ch));
        } catch (IOException | RuntimeException e) {
            LOG.info("spare: a launch failed to hand off: " + e);
            try {
                ch.close();
            } catch (IOException ignored) {
                // the launcher starts a JVM of its own
            }
            return Optional.empty();
        }
    }

    /**
     * Gives the key up: socket, pid and lock. Once only: the same call later (a shutdown hook)
     * must not delete the socket of the spare that took the key since.
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null && server.isOpen()) {
            server.close();
        }
        Files.deleteIfExists(config.socket());
        if (lock.isValid()) {
            lockFile.truncate(0); // no pid: this JVM is a kernel now, or gone, and no spare
            lock.release();
        }
        lockFile.close();
    }

    /** A launch taken: Jupyter's connection file, and the channel the launcher waits on while the kernel lives. */
    public record HandOff(Path connectionFile, SocketChannel channel) { }
}
