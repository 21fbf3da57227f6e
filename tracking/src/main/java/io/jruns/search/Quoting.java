package io.jruns.search;

/** How keys and strings are written back in the filter language: the quote doubled inside. */
final class Quoting {
    private Quoting() {
    }

    /** A key bare when the lexer reads it back unchanged, else in backticks. */
    static String key(String key) {
        return Lexer.isBareKey(key) ? key : "`" + key.replace("`", "``") + "`";
    }

    static String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
