package io.jruns.cli;

import io.jruns.domain.JrunsException;
import io.jruns.store.TrackingUri;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The two stores of {@code jruns copy}, checked before either is opened (opening a local
 * store creates it): the source must already be a store, and must not be the target.
 */
final class CopyEnds {
    private CopyEnds() {
    }

    static void check(TrackingUri from, TrackingUri to) {
        if (from.kind() == TrackingUri.Kind.EMBEDDED && !Files.isRegularFile(from.databaseFile())) {
            // a typo would otherwise become an empty store, copied from without a word
            throw JrunsException.notFound("copy: no jruns store at " + from
                    + " (for an MLflow export folder use jruns import)");
        }
        if (same(from, to)) {
            throw JrunsException.invalid("copy: --from and --to are the same store (" + from
                    + "); copying it into itself would duplicate every run");
        }
    }

    /** Whether {@code uri} (as a copy records its source's) names {@code store}; one that does not resolve names none. */
    static boolean names(String uri, TrackingUri store, java.util.Map<String, String> env) {
        try {
            return same(TrackingUri.resolve(uri, env), store);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The same database file however spelled (a folder or sqlite:, links, ..), or the same server. */
    private static boolean same(TrackingUri from, TrackingUri to) {
        if (from.kind() != to.kind()) return false;
        if (from.kind() == TrackingUri.Kind.REST) return sameServer(from.uri(), to.uri());
        Path a = from.databaseFile();
        Path b = to.databaseFile();
        try {
            return Files.exists(b) ? Files.isSameFile(a, b) : a.toRealPath().equals(real(b));
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** A path not there yet, resolved through its nearest existing folder (which may be a link). */
    private static Path real(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        return existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs));
    }

    /**
     * Scheme, port and path alike, and a host with an address in common ({@code localhost} and
     * {@code 127.0.0.1}); a name that does not resolve is compared as written.
     */
    static boolean sameServer(String a, String b) {
        String ta = a.replaceAll("/+$", "").toLowerCase(Locale.ROOT);
        String tb = b.replaceAll("/+$", "").toLowerCase(Locale.ROOT);
        if (ta.equals(tb)) return true;
        try {
            URI ua = URI.create(ta);
            URI ub = URI.create(tb);
            if (ua.getHost() == null || ub.getHost() == null || !Objects.equals(ua.getScheme(), ub.getScheme())
                    || port(ua) != port(ub) || !Objects.equals(ua.getPath(), ub.getPath())) {
                return false;
            }
            Set<InetAddress> addresses = new HashSet<>(List.of(InetAddress.getAllByName(ua.getHost())));
            return Arrays.stream(InetAddress.getAllByName(ub.getHost())).anyMatch(addresses::contains);
        } catch (IllegalArgumentException | UnknownHostException e) {
            return false;
        }
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }
}
