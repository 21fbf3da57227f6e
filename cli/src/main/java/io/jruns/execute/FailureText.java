package io.jruns.execute;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of nbconvert's error output a person needs: from "An error occurred while executing
 * the following cell" on (the cell and its error), without Python's own traceback above it.
 */
final class FailureText {
    private FailureText() {
    }

    static String of(String stderr) {
        String[] lines = stderr.split("\\R");
        int from = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("An error occurred while executing the following cell")) from = i;
        }
        List<String> kept = new ArrayList<>();
        if (from >= 0) {
            for (int i = from; i < lines.length; i++) kept.add(lines[i]);
        } else {
            for (String l : lines) {
                if (!l.startsWith("[NbConvertApp]") && !l.isBlank()) kept.add(l);
            }
            if (kept.size() > 20) kept = kept.subList(kept.size() - 20, kept.size());
        }
        return String.join("\n", kept).strip();
    }
}
