package io.jruns.kernel;

import io.jruns.kernel.home.KernelVersion;
import io.jruns.kernel.channel.KernelConnection;
import io.jruns.kernel.log.KernelLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * {@code java -cp jruns-kernel.jar:lib/* io.jruns.kernel.KernelMain CONNECTION_FILE}: what a
 * kernelspec's argv runs. Binds the sockets first and builds JShell behind them, so the first
 * kernel_info_reply does not wait for the compiler.
 */
public final class KernelMain {
    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream originalErr = System.err;
        KernelLog.install(originalErr, System.getenv("JRUNS_KERNEL_LOG"));
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println("jruns kernel " + KernelVersion.get());
            return;
        }
        if (args.length == 1 && (args[0].equals("--spare") || args[0].equals("--server-spare"))) {
            ignoreCtrlC();
            SpareMain.run(System.getenv(), args[0].equals("--server-spare"));
            return;
        }
        if (args.length == 1 && args[0].equals("--warm-up")) {
            WarmUp.run();
            return;
        }
        if (args.length != 1) {
            originalErr.println("usage: KernelMain CONNECTION_FILE | --version | --warm-up | --spare | --server-spare");
            System.exit(2);
        }
        ignoreCtrlC();
        KernelConnectionProperties props = KernelConnectionProperties.parse(readConnectionFile(Path.of(args[0])));
        JrunsKernel kernel = new JrunsKernel(KernelOptions.defaults());
        SpareMain.spawnAfter(kernel, System.getenv());
        JupyterConnection connection = new KernelConnection(props);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        kernel.start();
        connection.waitUntilClose();
        System.exit(0); // cells may have left non-daemon threads running
    }

    /**
     * Interrupts come as messages (interrupt_mode "message"), so SIGINT is only ever a Ctrl-C
     * meant for a front end in the same terminal (jruns execute, nbconvert): the kernel stays,
     * to be interrupted and shut down by its client, as ipykernel does outside a cell.
     */
    private static void ignoreCtrlC() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException notHere) {
            // no SIGINT on this platform
        }
    }

    private static String readConnectionFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            System.err.println("jruns kernel: cannot read connection file " + file + ": " + e.getMessage());
            System.exit(2);
            return null;
        }
    }
}
