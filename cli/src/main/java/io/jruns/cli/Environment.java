package io.jruns.cli;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.Map;

/**
 * What a command may see of the outside world, so tests run {@link Main} in-process with their
 * own streams, variables, time zone and library folder.
 *
 * @param libDir the assembled runtime jars ({@code cli/target/lib})
 */
record Environment(PrintStream out, PrintStream err, Map<String, String> variables, ZoneId zone, Path libDir) {

    Environment {
        variables = Map.copyOf(variables);
    }

    static Environment system() {
        return new Environment(System.out, System.err, System.getenv(), ZoneId.systemDefault(), defaultLibDir());
    }

    /**
     * {@code lib/} beside where this class was loaded from: beside {@code target/jruns-cli.jar}
     * when launched, beside {@code target/classes} in a build, both {@code target/lib}.
     */
    static Path defaultLibDir() {
        try {
            Path codeSource = Paths.get(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return codeSource.toAbsolutePath().getParent().resolve("lib");
        } catch (URISyntaxException | RuntimeException e) {
            return Paths.get("lib").toAbsolutePath();
        }
    }

    boolean debug() {
        String d = variables.get("JRUNS_DEBUG");
        return d != null && !d.isBlank() && !d.equals("0");
    }
}
