package io.jruns.kernel.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Jupyter's data folders, resolved from an environment exactly as {@code jupyter --paths}
 * does on Linux ({@code jupyter_core.paths}): {@code $JUPYTER_DATA_DIR}, else
 * {@code $XDG_DATA_HOME/jupyter}, else {@code $HOME/.local/share/jupyter} with {@code $HOME}'s
 * symlinks resolved. {@code $HOME} comes from the environment given, not from Java's
 * {@code user.home} (the account's home), which Jupyter does not read.
 */
public final class JupyterPaths {
    /** {@code SYSTEM_JUPYTER_PATH} on Linux. */
    public static final List<Path> SYSTEM = List.of(Path.of("/usr/local/share/jupyter"), Path.of("/usr/share/jupyter"));

    private JupyterPaths() {
    }

    /** {@code os.path.expanduser("~")}: {@code $HOME} without trailing slashes, else the account's home. */
    static String expandedHome(Map<String, String> env) {
        String home = env.containsKey("HOME") ? env.get("HOME") : System.getProperty("user.home");
        String stripped = home.replaceAll("/+$", "");
        return stripped.isEmpty() ? "/" : stripped;
    }

    /** {@code get_home_dir()}: the expanded home with symlinks resolved (as far as the path exists). */
    public static Path home(Map<String, String> env) {
        return realPathLenient(Path.of(expandedHome(env)));
    }

    /** {@code jupyter_data_dir()}: where {@code --user} installs go; kernelspecs in its {@code kernels/}. */
    public static Path dataDir(Map<String, String> env) {
        String data = env.get("JUPYTER_DATA_DIR");
        if (data != null && !data.isEmpty()) return Path.of(data);
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isEmpty()) return Path.of(xdg, "jupyter");
        return home(env).resolve(".local").resolve("share").resolve("jupyter");
    }

    /**
     * {@code jupyter_path()}: every folder Jupyter searches for data (kernelspecs in each one's
     * {@code kernels/}), highest priority first: {@code $JUPYTER_PATH}, the user's (the data dir,
     * then Python's user base {@code share/jupyter}), the environment's ({@code sysPrefix/share/jupyter};
     * before the user's with {@code $JUPYTER_PREFER_ENV_PATH}), then the system's.
     *
     * @param sysPrefix {@code sys.prefix} of the Python that runs {@code jupyter}
     */
    public static List<Path> dataPath(Map<String, String> env, Path sysPrefix) {
        List<Path> paths = new ArrayList<>();
        String jupyterPath = env.get("JUPYTER_PATH");
        if (jupyterPath != null && !jupyterPath.isEmpty()) {
            for (String p : jupyterPath.split(":", -1)) paths.add(Path.of(p.replaceAll("/+$", "")));
        }
        List<Path> user = new ArrayList<>(List.of(dataDir(env)));
        String noUserSite = env.get("PYTHONNOUSERSITE");
        if (noUserSite == null || noUserSite.isEmpty()) { // site.ENABLE_USER_SITE
            String base = env.get("PYTHONUSERBASE");
            Path userBase = base != null && !base.isEmpty() ? Path.of(base) : Path.of(expandedHome(env), ".local");
            Path userDir = userBase.resolve("share").resolve("jupyter");
            if (!user.contains(userDir)) user.add(userDir);
        }
        List<Path> environment = new ArrayList<>();
        Path envDir = sysPrefix.resolve("share").resolve("jupyter");
        if (!SYSTEM.contains(envDir)) environment.add(envDir);
        if (isSet(env.get("JUPYTER_PREFER_ENV_PATH"))) {
            paths.addAll(environment);
            paths.addAll(user);
        } else {
            paths.addAll(user);
            paths.addAll(environment);
        }
        paths.addAll(SYSTEM);
        return paths;
    }

    /** {@code envset()}: set unless missing or one of no, n, false, off, 0, 0.0. */
    static boolean isSet(String value) {
        return value != null && !List.of("no", "n", "false", "off", "0", "0.0").contains(value.toLowerCase(Locale.ROOT));
    }

    /** Like Python's {@code Path.resolve()}: absolute, symlinks of the existing part resolved, the rest appended. */
    static Path realPathLenient(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
