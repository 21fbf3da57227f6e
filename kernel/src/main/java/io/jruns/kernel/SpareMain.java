package io.jruns.kernel;

import io.jruns.kernel.channel.KernelConnection;
import io.jruns.kernel.log.KernelLog;
import io.jruns.kernel.spare.ClasspathStamp;
import io.jruns.kernel.spare.KernelMark;
import io.jruns.kernel.spare.Relay;
import io.jruns.kernel.spare.SpareConfig;
import io.jruns.kernel.spare.SpareListener;
import io.jruns.kernel.spare.SpareSpawner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * {@code KernelMain --spare}: a kernel started ahead of its launch. It builds everything a launch
 * would (jjava's messaging, JShell with its imports, the first compile) and then waits on a
 * socket; {@code launch.py} hands it the connection file, so the notebook's first cell meets a
 * warm JVM. It serves one launch with the same environment, and exits after
 * {@code JRUNS_SPARE_IDLE_MINUTES} without one. The notebook may be any, in any folder: the spare
 * takes its {@code JPY_SESSION_NAME} and working directory from the launch (see {@code Adoption}).
 */
final class SpareMain {
    private static final Logger LOG = Logger.getLogger(SpareMain.class.getName());

    private SpareMain() {
    }

    /** @param forServer started by jruns's Jupyter server extension (launch.sh --spare): see {@link SpareListener#claim(SpareConfig, boolean)} */
    static void run(Map<String, String> env, boolean forServer) throws Exception {
        Optional<SpareConfig> config = SpareConfig.from(env);
        if (config.isEmpty()) {
            System.err.println("jruns spare: started without " + SpareConfig.KEY + " and " + SpareConfig.DIR);
            System.exit(2);
        }
        Optional<SpareListener> claimed = SpareListener.claim(config.get(), forServer);
        if (claimed.isEmpty()) {
            return; // a spare for this key is already there, or (for a server) a kernel that leaves them
        }
        Relay relay = new Relay(logTo(config.get()));
        PrintStream out = new PrintStream(relay, true);
        System.setOut(out);
        System.setErr(out);
        KernelLog.install(out, env.get("JRUNS_KERNEL_LOG"));
        ClasspathStamp build = ClasspathStamp.current();
        try (SpareListener listener = claimed.get()) {
            // stopped by a signal while it waits: no socket left for the next launch to try
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    listener.close();
                } catch (IOException ignored) {
                    // exiting anyway
                }
            }, "jruns-spare-cleanup"));
            JrunsKernel kernel = new JrunsKernel(KernelOptions.defaults());
            kernel.start();
            WarmUp.spare(kernel);
            listener.listen();
            LOG.fine("spare: waiting on " + config.get().socket());
            Optional<SpareListener.HandOff> handOff = listener.await(Path.of("").toAbsolutePath(), env, build);
            if (handOff.isEmpty()) {
                listener.close();
                System.exit(0); // idle for too long, or superseded: nothing to hand over
            }
            SpareConfig c = config.get();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> KernelMark.clear(c), "jruns-kernel-mark"));
            kernel.rereadNotebook(); // the launch's notebook may be another, in another folder
            spawnAfter(kernel, env); // only now: a spare that timed out must not leave another
            serve(kernel, handOff.get(), relay);
        }
    }

    /**
     * Where the spare logs until a launch takes it: its standard error, which a kernel starting a
     * spare points at {@code KEY.log}; that file itself when standard error is {@code /dev/null}
     * (a spare started by jruns's Jupyter server extension, which cannot know the key).
     */
    private static PrintStream logTo(SpareConfig config) throws IOException {
        try {
            if (!Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString().equals("/dev/null")) {
                return System.err;
            }
        } catch (IOException | UnsupportedOperationException e) {
            return System.err;
        }
        return new PrintStream(Files.newOutputStream(config.log()), true); // in the folder claim() checked is private
    }

    /** The kernel leaves a spare for the next launch like it (see {@link SpareSpawner}). */
    static void spawnAfter(JrunsKernel kernel, Map<String, String> env) {
        SpareSpawner.forEnvironment(env).ifPresent(s -> {
            kernel.addCellListener(s);
            kernel.addShutdownListener(s::kernelShuttingDown);
        });
    }

    private static void serve(JrunsKernel kernel, SpareListener.HandOff handOff, Relay relay) throws Exception {
        relay.switchTo(Channels.newOutputStream(handOff.channel()));
        watchLauncher(Channels.newInputStream(handOff.channel()));
        Path file = handOff.connectionFile();
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(file));
        KernelConnection connection = new KernelConnection(props);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        System.exit(0);
    }

    /** Jupyter tracks the launcher's process: when it goes (killed, or the kernel shut down), so does this JVM. */
    private static void watchLauncher(InputStream in) {
        Thread t = new Thread(() -> {
            try {
                while (in.read() >= 0) {
                    // the launcher sends nothing after its request
                }
            } catch (IOException ignored) {
                // closed: the same as end of stream
            }
            System.exit(0);
        }, "jruns-spare-launcher");
        t.setDaemon(true);
        t.start();
    }
}
