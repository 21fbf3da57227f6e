package io.jruns.search;

/**
 * One lexical token. {@code text} is the decoded content (a key, a string without its
 * quotes, a word, an operator); {@code column} is 1-based in code points.
 */
record Token(Kind kind, String text, int column, Field field) {

    enum Kind {
        /** A prefixed identifier such as {@code metrics.loss}; {@link #field} is set. */
        FIELD,
        /** A bare word: a keyword, an attribute name, or a mistake. */
        WORD,
        /** A name in backticks where an identifier is expected. */
        BACKTICKED,
        SINGLE_QUOTED, DOUBLE_QUOTED, NUMBER, OPERATOR, LPAREN, RPAREN, COMMA, END
    }

    Token(Kind kind, String text, int column) {
        this(kind, text, column, null);
    }

    boolean isWord(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isString() {
        return kind == Kind.SINGLE_QUOTED || kind == Kind.DOUBLE_QUOTED;
    }

    /** How the token is named in messages. */
    String describe() {
        return switch (kind) {
            case FIELD -> Texts.shorten(field.render());
            case WORD -> Keywords.isKeyword(text) ? text.toUpperCase(java.util.Locale.ROOT) : "'" + Texts.shorten(text) + "'";
            case BACKTICKED -> "`" + Texts.shorten(text) + "`";
            case SINGLE_QUOTED, DOUBLE_QUOTED -> "string " + Quoting.string(Texts.shorten(text));
            case NUMBER -> "number " + text;
            case OPERATOR, LPAREN, RPAREN, COMMA -> "'" + text + "'";
            case END -> "the end of the expression";
        };
    }
}
