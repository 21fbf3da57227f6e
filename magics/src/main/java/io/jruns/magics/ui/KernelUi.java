package io.jruns.magics.ui;

import io.jruns.Jruns;
import io.jruns.store.TrackingUri;
import io.jruns.ui.UiInfo;
import io.jruns.ui.UiServer;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The jruns ui this kernel's views link to: one recorded in {@code $JRUNS_HOME/ui.json} that
 * serves the kernel's store (started by {@code jruns ui} or another kernel), or one started here
 * by {@code %ui} in the kernel's JVM (daemon threads: it never keeps the kernel alive).
 */
public final class KernelUi {
    private static Path home = TrackingUri.home(System.getenv());
    private static UiServer ours;
    private static boolean noted;

    private KernelUi() {
    }

    /** Where ui.json is read and written; tests (and hosts that know better than the environment) set it. A fresh session: the hint shows again. */
    public static synchronized void useHome(Path jrunsHome) {
        home = jrunsHome;
        noted = false;
    }

    static synchronized Path home() {
        return home;
    }

    /** The UI serving the kernel's current store, if one runs. */
    public static synchronized Optional<UiInfo> serving() {
        String store = Jruns.client().trackingUri();
        if (ours != null && ours.info().serves(store)) return Optional.of(ours.info());
        return UiInfo.read(home).filter(i -> i.serves(store));
    }

    /** The UI serving the kernel's store, started here when none does. */
    static synchronized UiInfo ensure() {
        Optional<UiInfo> running = serving();
        if (running.isPresent()) return running.get();
        if (ours != null) stop(); // it serves a store the notebook has left (Jruns.setTrackingUri)
        UiServer server = UiServer.builder(Jruns.client()).port(0).build().start();
        ours = server;
        server.info().write(home);
        Path recordedIn = home;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.info().remove(recordedIn), "jruns-ui-record"));
        return server.info();
    }

    /** Stops the UI this kernel started; false when it started none. */
    static synchronized Optional<UiInfo> stop() {
        if (ours == null) return Optional.empty();
        UiInfo info = ours.info();
        try {
            ours.close();
        } finally {
            ours = null;
            info.remove(home);
        }
        return Optional.of(info);
    }

    static synchronized boolean started(UiInfo info) {
        return ours != null && ours.info().equals(info);
    }

    /** True the first time in this session a view is shown without a UI: the hint is said once. */
    static synchronized boolean firstUnlinked() {
        if (noted) return false;
        noted = true;
        return true;
    }
}
