package io.jruns.kernel.cell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a magic's argument text into words, shell-like: whitespace separates, "double" or
 * 'single' quotes keep spaces (also inside a word: {@code K="a b"} is {@code K=a b}), and a
 * backslash escapes a quote or backslash inside double quotes.
 */
public final class ArgSplitter {
    private ArgSplitter() {
    }

    /** @throws IllegalArgumentException on an unterminated quote */
    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()
                        && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated " + quote + " quote in: " + text.strip());
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
