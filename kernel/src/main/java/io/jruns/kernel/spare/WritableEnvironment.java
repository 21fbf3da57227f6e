package io.jruns.kernel.spare;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Writes this JVM's environment, which a spare serving another notebook of its folder needs: the
 * notebook's code, and every process it starts, must see that notebook's {@code JPY_SESSION_NAME},
 * not the one the spare was started with. Both copies change: {@code System.getenv()}, a map the
 * JDK offers no way to write (this reaches the one behind the unmodifiable view, see
 * {@link JdkFields}; from JDK 24 only where the kernel's options open {@code java.util}), and
 * libc's, which a process started without an environment of its own inherits
 * ({@link NativeEnvironment}). Where either cannot be written, a
 * spare serves only the notebook it was started with.
 */
final class WritableEnvironment {
    private final Map<String, String> writable;
    private final NativeEnvironment nativeEnv;

    private WritableEnvironment(Map<String, String> writable, NativeEnvironment nativeEnv) {
        this.writable = writable;
        this.nativeEnv = nativeEnv;
    }

    /**
     * Empty when this JVM's environment cannot be written (checked by writing a probe and taking
     * it back); Java's side first, so that JNA is not loaded in a JVM that could not use it.
     */
    @SuppressWarnings("unchecked")
    static Optional<WritableEnvironment> open(Path privateDir) {
        Map<String, String> inner;
        String probe = "JRUNS_SPARE_PROBE";
        try {
            Map<String, String> view = System.getenv();
            // Collections.UnmodifiableMap's delegate
            inner = (Map<String, String>) JdkFields.read(view, view.getClass().getDeclaredField("m"));
            inner.put(probe, "1");
            boolean seen = "1".equals(System.getenv(probe));
            inner.remove(probe);
            if (!seen || System.getenv(probe) != null) {
                return Optional.empty();
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
        return NativeEnvironment.open(privateDir).filter(n -> n.set(probe, "1") && n.set(probe, null))
                .map(n -> new WritableEnvironment(inner, n));
    }

    /** libc's side, which can also change the working directory ({@link WorkingDirectory}). */
    NativeEnvironment nativeSide() {
        return nativeEnv;
    }

    /** Sets each variable to its value, or removes it where the value is null; false if libc refused one. */
    boolean apply(Map<String, String> values) {
        boolean all = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getValue() == null) {
                writable.remove(e.getKey());
            } else {
                writable.put(e.getKey(), e.getValue());
            }
            all &= nativeEnv.set(e.getKey(), e.getValue());
        }
        return all;
    }
}
