package io.jruns.magics.args;

import io.jruns.domain.JrunsException;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a magic's argument line into words, shell-like: spaces separate, {@code "..."}
 * or {@code '...'} group (also inside a word, as in {@code K="a b"}); inside double quotes a
 * backslash escapes a quote or a backslash, and stays as it is otherwise ({@code "C:\data"}).
 */
public final class Tokens {
    private Tokens() {
    }

    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        int quoteStart = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()
                        && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                quoteStart = i;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) out.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw JrunsException.invalid("unclosed " + quote + " quote (opened at column " + (quoteStart + 1) + ")");
        }
        if (inWord) out.add(word.toString());
        return out;
    }
}
