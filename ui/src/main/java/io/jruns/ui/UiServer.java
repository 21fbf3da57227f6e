package io.jruns.ui;

import io.jruns.TrackingClient;
import io.jruns.internal.ui.UiContext;
import io.jruns.internal.ui.http.Guard;
import io.jruns.internal.ui.http.JettyBridge;
import io.jruns.internal.ui.http.PlainErrors;
import io.jruns.internal.ui.http.Router;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.BindException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * jruns ui: the runs of one store as web pages and as MLflow's REST API, on a local port,
 * behind a token. {@code UiServer.builder(client).port(0).build().start()}; {@link #close()} stops it.
 */
public final class UiServer implements AutoCloseable {
    public static final String LOOPBACK = "127.0.0.1";
    /**
     * Jetty's start/stop INFO lines would land in a kernel's log and a test's output; the UI says
     * what matters itself (held here: JUL keeps loggers weakly, and a collected one forgets its level).
     */
    private static final java.util.logging.Logger JETTY = java.util.logging.Logger.getLogger("org.eclipse.jetty");

    static {
        JETTY.setLevel(java.util.logging.Level.WARNING);
    }

    private final Builder options;
    private final String token;
    private Server server;
    private UiInfo info;

    private UiServer(Builder b) {
        this.options = b;
        this.token = b.token != null ? b.token : random();
    }

    public static Builder builder(TrackingClient client) {
        return new Builder(client);
    }

    /** Binds and serves; returns once the port is open. Fails with a one-line message when the port is taken. */
    public synchronized UiServer start() {
        if (server != null) return this;
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("jruns-ui");
        threads.setDaemon(options.daemon);
        Server s = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(64 * 1024); // the compare link of 1,000 ticked runs is ~33 KB of run ids
        http.setSendServerVersion(false);
        // Artifact names may hold '%' (sent as %25), which Jetty refuses by default as ambiguous. Our
        // routes see the path decoded once and never decode it again, so a '%' cannot become '/' or
        // '..' later; every other ambiguity (%2e, %2F, '//', backslashes) stays refused by Jetty.
        http.setUriCompliance(UriCompliance.DEFAULT.with("JRUNS_UI", UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
        ServerConnector connector = new ServerConnector(s, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(options.host);
        connector.setPort(options.port);
        s.addConnector(connector);
        s.setStopTimeout(2_000);
        s.setErrorHandler(new PlainErrors());
        int port;
        try {
            connector.open(); // bound before the handler is made: the handler knows its port (Host checks)
            port = connector.getLocalPort();
            String csrf = random();
            UiContext ctx = new UiContext(options.client, csrf, "http://" + hostForUrl(options.host) + ":" + port + "/");
            Router router = new Router();
            UiRoutes.install(router, ctx);
            s.setHandler(new JettyBridge(new Guard(token, csrf, hosts(options.host, port), port), router));
            s.start();
        } catch (Exception e) {
            try {
                s.stop();
            } catch (Exception ignored) {
                // nothing was served
            }
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new IllegalStateException("jruns ui: cannot listen on " + options.host + ":" + options.port
                        + " (in use? --port 0 picks a free port)", e);
            }
            throw new IllegalStateException("jruns ui: cannot start: " + e.getMessage(), e);
        }
        server = s;
        info = new UiInfo("http://" + hostForUrl(options.host) + ":" + port + "/", token, ProcessHandle.current().pid(),
                options.client.trackingUri());
        return this;
    }

    /** Where it serves, with which token, and which store (the client's tracking URI). */
    public UiInfo info() {
        if (info == null) throw new IllegalStateException("jruns ui is not started");
        return info;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        if (server != null) server.join();
    }

    @Override
    public synchronized void close() {
        if (server == null) return;
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("jruns ui: stopping failed: " + e.getMessage(), e);
        } finally {
            server = null;
        }
    }

    /** The Host headers a browser sends for this server: the bound host and, on loopback, localhost. */
    static Set<String> hosts(String host, int port) {
        Set<String> out = new LinkedHashSet<>();
        out.add(hostForUrl(host).toLowerCase(Locale.ROOT) + ":" + port);
        if (host.equals(LOOPBACK) || host.equals("localhost") || host.equals("::1")) {
            out.add("127.0.0.1:" + port);
            out.add("localhost:" + port);
            out.add("[::1]:" + port);
        }
        return out;
    }

    private static String hostForUrl(String host) {
        if (host.equals("0.0.0.0") || host.equals("::")) return LOOPBACK;
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String random() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Options for {@link UiServer}. */
    public static final class Builder {
        private final TrackingClient client;
        private String host = LOOPBACK;
        private int port = 0;
        private String token;
        private boolean daemon = true;

        private Builder(TrackingClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The address to bind; 127.0.0.1 unless you mean to share the UI. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** 0 picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("a port is 0 to 65535, not " + port);
            this.port = port;
            return this;
        }

        /** A fixed token (tests, or a token an MLflow client already has); random by default. */
        public Builder token(String token) {
            if (token != null && token.length() < 16) throw new IllegalArgumentException("a token has at least 16 characters");
            this.token = token;
            return this;
        }

        /** Whether the server's threads let the JVM exit (true, the default, in a kernel; false for {@code jruns ui}). */
        public Builder daemon(boolean daemon) {
            this.daemon = daemon;
            return this;
        }

        public UiServer build() {
            return new UiServer(this);
        }
    }
}
