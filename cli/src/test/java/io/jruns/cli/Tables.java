package io.jruns.cli;

import java.util.Arrays;
import java.util.List;

/** Reads the CLI's text tables back into cells (columns are at least two spaces apart). */
final class Tables {
    private Tables() {
    }

    static List<List<String>> cells(String text) {
        return text.lines().filter(l -> !l.isBlank()).map(Tables::split).toList();
    }

    static List<String> split(String line) {
        return Arrays.asList(line.strip().split("\\s{2,}"));
    }
}
