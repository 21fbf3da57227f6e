package io.jruns.cli;

import io.jruns.domain.JrunsException;
import io.jruns.store.TrackingUri;
import io.jruns.ui.UiInfo;
import io.jruns.ui.UiServer;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code jruns ui}: serves the store's runs as web pages (and MLflow's REST API) until stopped.
 * Prints one line, the link with the token; records itself in {@code $JRUNS_HOME/ui.json} so
 * the kernel's {@code %ui} and the views' links find it; Ctrl-C stops it and removes the file.
 */
final class UiCommand implements Command {
    /** Beside MLflow's 5000 (and clear of macOS's AirPlay receiver there), so both can run at once. */
    static final int DEFAULT_PORT = 5055;
    private static final CommandSpec SPEC = new CommandSpec("ui", List.of(), List.of(
            OptionSpec.value("--port", "N", "the port (default " + DEFAULT_PORT + ": next to MLflow's 5000 without "
                    + "taking it, so both can run; 0 picks a free port)"),
            OptionSpec.value("--host", "H", "the address to listen on (default 127.0.0.1: this machine only; any "
                    + "other is shared with whoever can reach it, and warned about)"),
            OptionSpec.flag("--no-browser", "do not open the link in a browser")),
            "Serve the runs in a browser: experiments, runs, comparisons, notebooks, and MLflow's REST API",
            "Prints one line, 'jruns ui: http://127.0.0.1:PORT/?token=TOKEN', and serves until Ctrl-C. Every "
                    + "request needs the token (the link sets a cookie; MLflow clients send it as "
                    + "MLFLOW_TRACKING_TOKEN). The global --tracking-uri chooses the store. It is recorded in "
                    + "$JRUNS_HOME/ui.json, so notebooks (%ui, and links from %runs and %compare) use it.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        int port = port(args.value("--port"));
        String host = args.value("--host") == null ? UiServer.LOOPBACK : args.value("--host").strip();
        if (host.isEmpty()) throw new UsageException("ui: --host is empty");
        UiServer server;
        try {
            server = UiServer.builder(context.client()).host(host).port(port).daemon(false).build().start();
        } catch (IllegalStateException e) {
            throw new JrunsException(JrunsException.Code.INVALID_STATE, e.getMessage().replaceFirst("^jruns ui: ", ""));
        }
        UiInfo info = server.info();
        Path home = TrackingUri.home(context.environment().variables());
        try {
            info.write(home);
        } catch (java.io.UncheckedIOException e) {
            // a read-only JRUNS_HOME (a colleague's store) can still be served: only %ui cannot find it
            String why = e.getCause() instanceof java.nio.file.FileSystemException f && f.getReason() != null
                    ? f.getReason() : String.valueOf(e.getCause().getMessage());
            context.err().println("jruns ui: warning: " + e.getMessage() + " (" + why + "): "
                    + "notebooks' %ui will not find this UI; it serves as usual");
        }
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            server.close();
            info.remove(home);
            context.client().flush(); // what the pages and the API changed is on disk before the JVM ends
        }, "jruns-ui-stop"));
        if (!loopback(host)) {
            context.err().println("jruns ui: warning: serving on " + host
                    + ": anyone who can reach it and has the token can read and change runs");
        }
        context.out().println("jruns ui: " + info.link());
        context.out().flush();
        if (!args.flag("--no-browser")) Browser.open(info.link());
        try {
            server.join();
            // stopped by Ctrl-C or SIGTERM: the hook flushes the store and the JVM ends after it;
            // returning would close the store under the hook's feet
            while (stopping.get()) Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int port(String value) {
        if (value == null) return DEFAULT_PORT;
        try {
            int p = Integer.parseInt(value.strip());
            if (p >= 0 && p <= 65535) return p;
        } catch (NumberFormatException notANumber) {
            // the usage error below
        }
        throw new UsageException("ui: --port takes 0 to 65535 (0 picks a free port), not '" + value + "'");
    }

    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException | SecurityException e) {
            return false;
        }
    }

    /** Opens a link in the desktop's browser if there is one; never fails the command. */
    static final class Browser {
        private Browser() {
        }

        static void open(String link) {
            try {
                if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
                        && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                    java.awt.Desktop.getDesktop().browse(URI.create(link));
                    return;
                }
            } catch (Exception | LinkageError noDesktop) {
                // fall back to xdg-open
            }
            Path xdg = onPath("xdg-open");
            if (xdg == null) return;
            try {
                new ProcessBuilder(xdg.toString(), link).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (Exception ignored) {
                // no browser: the printed link is enough
            }
        }

        static Path onPath(String program) {
            String path = System.getenv("PATH");
            if (path == null) return null;
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, program);
                if (Files.isExecutable(p)) return p;
            }
            return null;
        }
    }
}
