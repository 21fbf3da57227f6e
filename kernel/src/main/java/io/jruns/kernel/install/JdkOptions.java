package io.jruns.kernel.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JVM options that depend on the kernel's JDK. From JDK 24 a class-path library that loads native
 * code (sqlite-jdbc; JNA in a spare) prints four warnings on each start unless native access is
 * enabled, and what a spare must reach to serve a notebook of another folder (the map behind
 * {@code System.getenv()}, the working directory {@code java.io} and NIO keep) is reachable only
 * where its package is opened: JDK 24 warns on {@code sun.misc.Unsafe}, which jruns uses before.
 * JDK 26 warns when a final field is written by reflection, as the spare writes those. JDK 17 to
 * 23 need none of it, and their command line stays as it was.
 */
public final class JdkOptions {
    private static final Pattern RELEASE = Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]+)\"");
    private static final Pattern VERSION_OUTPUT = Pattern.compile("version \"([^\"]+)\"");

    private JdkOptions() {
    }

    /** The options for a JDK of this feature release, with or without spare kernels. */
    public static List<String> forRelease(int feature, boolean spares) {
        List<String> options = new ArrayList<>();
        if (feature >= 24) {
            options.add("--enable-native-access=ALL-UNNAMED");
            if (spares) {
                for (String pkg : List.of("java.util", "java.io", "sun.nio.fs")) {
                    options.add("--add-opens=java.base/" + pkg + "=ALL-UNNAMED");
                }
            }
        }
        if (feature >= 26 && spares) {
            options.add("--enable-final-field-mutation=ALL-UNNAMED");
        }
        return options;
    }

    /**
     * What a kernel.json {@code argv} lacks of {@link #forRelease} for the JDK its java is now:
     * a kernel installed by an older jruns, or whose JDK was upgraded in place.
     */
    public static List<String> missing(List<String> argv) {
        int java = Launcher.javaIndex(argv);
        if (java >= argv.size()) {
            return List.of();
        }
        boolean spares = java > 0; // started through launch.sh
        return feature(Path.of(argv.get(java))).map(r -> forRelease(r, spares)).orElse(List.of()).stream()
                .filter(o -> !argv.contains(o)).toList();
    }

    /**
     * The feature release of a java executable: from its JDK's {@code release} file, else from
     * what {@code java -version} prints; empty if neither says.
     */
    public static Optional<Integer> feature(Path java) {
        try {
            Path release = java.toRealPath().getParent().getParent().resolve("release");
            if (Files.isRegularFile(release)) {
                Matcher m = RELEASE.matcher(Files.readString(release));
                if (m.find()) {
                    return parse(m.group(1));
                }
            }
            Process p = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(30, TimeUnit.SECONDS);
            Matcher m = VERSION_OUTPUT.matcher(out);
            return m.find() ? parse(m.group(1)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** "25.0.3", "26-ea", "1.8.0_392" (feature 8); empty for anything else. */
    static Optional<Integer> parse(String version) {
        Matcher m = Pattern.compile("^(?:1\\.)?(\\d+)").matcher(version);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
