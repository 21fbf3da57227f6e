package io.jruns.reproduce;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the libraries of this session come from. The notebook kernel installs its
 * {@code %maven}/{@code %jars} ledger here; a plain Java program has none, and callers fall
 * back to what the class path says ({@link ClasspathLibraries}).
 */
public final class Libraries {
    private static volatile Supplier<List<Library>> session;

    private Libraries() {
    }

    /** Installs the session's source of libraries (the kernel calls this at start-up). */
    public static void useSessionSource(Supplier<List<Library>> source) {
        session = source;
    }

    /** What the session added to its class path, in order; empty when no kernel installed a source. */
    public static Optional<List<Library>> session() {
        Supplier<List<Library>> s = session;
        return s == null ? Optional.empty() : Optional.of(List.copyOf(s.get()));
    }
}
