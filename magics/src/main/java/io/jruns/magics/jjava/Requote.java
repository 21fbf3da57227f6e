package io.jruns.magics.jjava;

import java.util.List;

/**
 * JJava hands a magic its words already split; we join them back into a line our own
 * tokenizer reads, quoting words that hold spaces or quotes so nothing changes meaning.
 */
final class Requote {
    private Requote() {
    }

    static String join(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) b.append(' ');
            if (w.isEmpty() || w.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\')) {
                b.append('"').append(w.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                b.append(w);
            }
        }
        return b.toString();
    }
}
