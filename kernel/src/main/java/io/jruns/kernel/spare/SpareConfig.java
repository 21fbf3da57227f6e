package io.jruns.kernel.spare;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a kernel's spare waits and for how long, from the variables the launcher
 * ({@code launch.py}) sets: {@code JRUNS_SPARE_DIR} (a private folder) and {@code JRUNS_SPARE_KEY}
 * (a digest of the working directory, the environment and the kernel's build).
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
     * Which notebook a launch is for: a spare serves any notebook of its folder and takes these
     * from the launch (where this JVM can write its environment, see {@link WritableEnvironment}).
     */
    static final Set<String> NOTEBOOK = Set.of("JPY_SESSION_NAME", "JRUNS_NOTEBOOK");

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

    /** The environment as launches are compared: without {@link #VOLATILE} (nor {@link #NOTEBOOK}, if so), sorted. */
    static Map<String, String> comparable(Map<String, String> env, boolean anyNotebook) {
        Map<String, String> m = new TreeMap<>(env);
        m.keySet().removeAll(VOLATILE);
        if (anyNotebook) {
            m.keySet().removeAll(NOTEBOOK);
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
