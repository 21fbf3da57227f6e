package io.jruns.bench;

import io.jruns.bench.child.Report;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs one benchmark main in a fresh JVM on this classpath and collects its figures. */
public final class ChildJvm {

    /** What the child reported; {@code exitCode} != 0 means it failed (figures may be partial). */
    public record Outcome(int exitCode, Map<String, Double> figures) {
        public double get(String name) {
            Double v = figures.get(name);
            if (v == null) throw new IllegalStateException("the benchmark child reported no figure '" + name + "'");
            return v;
        }

        public boolean ok() {
            return exitCode == 0;
        }
    }

    private ChildJvm() {
    }

    public static Outcome run(List<String> jvmOptions, Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 24) {
            cmd.add("--enable-native-access=ALL-UNNAMED"); // sqlite-jdbc's four lines of warning otherwise
        }
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, Double> figures = new HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                int eq = line.indexOf('=');
                if (line.startsWith(Report.PREFIX) && eq > 0) {
                    figures.put(line.substring(Report.PREFIX.length(), eq), Double.parseDouble(line.substring(eq + 1)));
                } else {
                    System.err.println("  | " + line);
                }
            }
        }
        return new Outcome(p.waitFor(), figures);
    }
}
