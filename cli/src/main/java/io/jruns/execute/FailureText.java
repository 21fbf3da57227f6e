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
            dropRepeatedLast(kept);
        } else {
            for (String l : lines) {
                if (!l.startsWith("[NbConvertApp]") && !l.isBlank()) kept.add(l);
            }
            if (kept.size() > 20) kept = kept.subList(kept.size() - 20, kept.size());
        }
        return String.join("\n", kept).strip();
    }

    /**
     * nbclient ends its report with "ename: evalue", which the kernel's traceback above already
     * says ("java.lang.ArithmeticException: / by zero"): a third copy of the same error.
     */
    private static void dropRepeatedLast(List<String> kept) {
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) kept.remove(kept.size() - 1);
        if (kept.size() < 2) return;
        String last = kept.get(kept.size() - 1);
        int colon = last.indexOf(": ");
        if (colon <= 0 || last.substring(0, colon).contains(" ")) return;
        // the kernel's traceback ends its line with the error's value: "java.lang.ArithmeticException:
        // / by zero", or a compile error's "incompatible types: ..." under its caret
        String value = last.substring(colon + 2);
        if (value.length() < 4) return;
        for (String l : kept.subList(0, kept.size() - 1)) {
            if (l.strip().endsWith(value)) {
                kept.remove(kept.size() - 1);
                return;
            }
        }
    }
}
