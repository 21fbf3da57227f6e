package io.jruns.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recorded environment as rows for people: the spec (Java, JVM, OS, machine, kernel) and the
 * libraries. The magics render the rows as HTML; the command line as text.
 */
public final class EnvironmentReport {
    private EnvironmentReport() {
    }

    /** Label and value rows. */
    public static List<String[]> spec(RunEnvironment e) {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("Java", e.java().version() + " (" + e.java().vendor() + ")"));
        rows.add(row("Runtime", e.java().runtime() + ", " + e.java().vm()));
        rows.add(row("Java home", e.java().home()));
        rows.add(row("JVM options", e.jvm().options().isEmpty() ? "(none)" : String.join(" ", e.jvm().options())));
        rows.add(row("Max heap", bytes(e.jvm().maxHeapBytes())));
        rows.add(row("OS", e.os().name() + " " + e.os().version() + " (" + e.os().arch() + ")"));
        rows.add(row("CPUs", String.valueOf(e.machine().cpus())));
        rows.add(row("Memory", e.machine().memoryBytes() == null ? "unknown" : bytes(e.machine().memoryBytes())));
        if (e.kernel() != null) {
            rows.add(row("Kernel", "jruns " + e.kernel().version() + ", kernelspec " + e.kernel().name()));
            if (e.kernel().resourceDir() != null) rows.add(row("Kernelspec folder", e.kernel().resourceDir()));
        } else {
            rows.add(row("Kernel", "none (a plain Java program)"));
        }
        rows.add(row("Libraries", e.libraries().size() + " (see --show-libraries)"));
        rows.add(row("Captured", e.capturedAt()));
        return rows;
    }

    /** Kind, library (coordinates or path), SHA-256 and origin rows. */
    public static List<String[]> libraries(RunEnvironment e) {
        List<String[]> rows = new ArrayList<>();
        for (Library l : e.libraries()) {
            rows.add(new String[]{l.isMaven() ? "maven" : "jar", l.label(), l.sha256() == null ? "" : l.sha256(),
                    l.origin() == null ? "" : l.origin()});
        }
        return rows;
    }

    /** Text: label and value columns, aligned. */
    public static String text(List<String[]> rows) {
        int[] width = new int[rows.isEmpty() ? 0 : rows.get(0).length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i + 1 < r.length) line.append(" ".repeat(width[i] - r[i].length() + 2));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    static String bytes(long n) {
        if (n < 1024) return n + " B";
        double v = n;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private static String[] row(String label, String value) {
        return new String[]{label, value == null ? "" : value};
    }
}
