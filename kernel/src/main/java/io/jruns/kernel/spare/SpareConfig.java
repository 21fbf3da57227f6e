package io.jruns.kernel.spare;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a kernel's spare waits and for how long, from the variables the launcher
 * ({@code launch.sh}) sets: {@code JRUNS_SPARE_DIR} (a private folder) and {@code JRUNS_SPARE_KEY}
 * (a checksum of the kernel's command line).
 *
 * @param idle how long a spare waits for a launch before it exits ({@code JRUNS_SPARE_IDLE_MINUTES})
 */
public record SpareConfig(Path dir, String key, Duration idle) {
    public static final String DIR = "JRUNS_SPARE_DIR";
    public static final String KEY = "JRUNS_SPARE_KEY";
    public static final String SWITCH = "JRUNS_SPARE";
    public static final String IDLE = "JRUNS_SPARE_IDLE_MINUTES";
    static final Duration DEFAULT_IDLE = Duration.ofMinutes(15);
    /** Left out when a launch is matched to a spare: they differ between launches that are otherwise alike. */
    static final Set<String> VOLATILE = Set.of("JPY_PARENT_PID", DIR, KEY);
    /**
     * What differs between launches of one kernel and nothing reads before a launch: which
     * notebook (set by Jupyter, and by {@code jruns execute}), the shell's bookkeeping of the one
     * the launch came from, and what debugpy adds to a Jupyter server's own environment once the
     * server has started an ipykernel (seen in {@code bench/kernel}). A spare takes the launch's
     * values (where this JVM can write its environment, see {@link WritableEnvironment}), so one
     * spare serves any notebook.
     */
    static final Set<String> TAKEN = Set.of("JPY_SESSION_NAME", "JRUNS_NOTEBOOK", "SHLVL", "_", "OLDPWD", "PWD",
            "PYDEVD_USE_FRAME_EVAL");

    /** Empty when the kernel was started without the launcher, or with {@code JRUNS_SPARE=off}. */
    public static Optional<SpareConfig> from(Map<String, String> env) {
        String dir = env.get(DIR);
        String key = env.get(KEY);
        if (disabled(env) || dir == null || key == null || !key.matches("[0-9a-zA-Z]{1,64}")) {
            return Optional.empty();
        }
        return Optional.of(new SpareConfig(Path.of(dir), key, idle(env.get(IDLE))));
    }

    static boolean disabled(Map<String, String> env) {
        String v = env.getOrDefault(SWITCH, "").strip().toLowerCase(java.util.Locale.ROOT);
        return v.equals("off") || v.equals("0") || v.equals("false") || v.equals("no");
    }

    private static Duration idle(String minutes) {
        try {
            return minutes == null ? DEFAULT_IDLE : Duration.ofMillis((long) (Double.parseDouble(minutes) * 60_000));
        } catch (NumberFormatException e) {
            return DEFAULT_IDLE;
        }
    }

    /** The environment as launches are compared: without {@link #VOLATILE} (nor {@link #TAKEN}, if so), sorted. */
    static Map<String, String> comparable(Map<String, String> env, boolean canTake) {
        Map<String, String> m = new TreeMap<>(env);
        m.keySet().removeAll(VOLATILE);
        if (canTake) {
            m.keySet().removeAll(TAKEN);
        }
        return m;
    }

    public Path socket() {
        return dir.resolve(key + ".sock");
    }

    Path lock() {
        return dir.resolve(key + ".lock");
    }

    public Path log() {
        return dir.resolve(key + ".log");
    }
}
