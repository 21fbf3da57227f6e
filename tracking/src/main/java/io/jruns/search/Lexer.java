package io.jruns.search;

import java.util.Locale;
import java.util.Map;

/**
 * Splits a filter or order into tokens. A prefixed identifier ({@code metrics.loss},
 * {@code tags.`my tag`}, {@code attr."run name"}) becomes one FIELD token, because what
 * may follow the dot (dots, dashes, quotes) depends on the prefix before it.
 */
final class Lexer {
    private static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("metric", "metrics"), Map.entry("metrics", "metrics"),
            Map.entry("param", "params"), Map.entry("params", "params"),
            Map.entry("parameter", "params"), Map.entry("parameters", "params"),
            Map.entry("tag", "tags"), Map.entry("tags", "tags"),
            Map.entry("attribute", "attributes"), Map.entry("attributes", "attributes"),
            Map.entry("attr", "attributes"), Map.entry("run", "attributes"));

    private final String source;
    private final int[] cps;
    private int pos;

    Lexer(String source) {
        this.source = source;
        this.cps = source.codePoints().toArray();
    }

    FilterException error(int column, String problem) {
        return new FilterException(source, column, problem);
    }

    Token next() {
        while (pos < cps.length && isSpace(cps[pos])) pos++;
        int col = pos + 1;
        if (pos >= cps.length) return new Token(Token.Kind.END, "", col);
        int c = cps[pos];
        if (Character.isLetter(c) || c == '_') return wordOrField();
        if (startsNumber()) return number();
        switch (c) {
            case '\'':
                return new Token(Token.Kind.SINGLE_QUOTED, quoted('\'', "string"), col);
            case '"':
                return new Token(Token.Kind.DOUBLE_QUOTED, quoted('"', "string"), col);
            case '`': {
                String name = quoted('`', "quoted name");
                // `metric`.a, as MLflow takes it: a quoted identifier type
                if (pos < cps.length && cps[pos] == '.' && PREFIXES.containsKey(name.toLowerCase(Locale.ROOT))) {
                    return field(name, col);
                }
                return new Token(Token.Kind.BACKTICKED, name, col);
            }
            case '(':
                pos++;
                return new Token(Token.Kind.LPAREN, "(", col);
            case ')':
                pos++;
                return new Token(Token.Kind.RPAREN, ")", col);
            case ',':
                pos++;
                return new Token(Token.Kind.COMMA, ",", col);
            default:
                return operator(col);
        }
    }

    private Token operator(int col) {
        int c = cps[pos];
        int n = pos + 1 < cps.length ? cps[pos + 1] : -1;
        String op;
        if (c == '=') op = n == '=' ? "==" : "=";
        else if (c == '!' && n == '=') op = "!=";
        else if (c == '<') op = n == '=' ? "<=" : n == '>' ? "<>" : "<";
        else if (c == '>') op = n == '=' ? ">=" : ">";
        else throw error(col, "unexpected character '" + Texts.shorten(new String(Character.toChars(c))) + "'");
        pos += op.length();
        String canonical = switch (op) {
            case "==" -> "=";
            case "<>" -> "!=";
            default -> op;
        };
        return new Token(Token.Kind.OPERATOR, canonical, col);
    }

    private Token wordOrField() {
        int start = pos;
        while (pos < cps.length && (Character.isLetterOrDigit(cps[pos]) || cps[pos] == '_')) pos++;
        String word = new String(cps, start, pos - start);
        if (pos >= cps.length || cps[pos] != '.') return new Token(Token.Kind.WORD, word, start + 1);
        return field(word, start + 1);
    }

    /** A prefixed identifier: {@code word} was read, {@code pos} is at the dot after it. */
    private Token field(String word, int col) {
        String prefix = PREFIXES.get(word.toLowerCase(Locale.ROOT));
        if (prefix == null) {
            throw error(col, "unknown identifier type '" + Texts.shorten(word)
                    + "' (expected metrics., params., tags. or attributes.)");
        }
        pos++; // the dot
        int keyCol = pos + 1;
        String key;
        if (pos < cps.length && (cps[pos] == '`' || cps[pos] == '"')) {
            key = quoted(cps[pos], "quoted key");
            if (key.isEmpty()) throw error(keyCol, "empty key after '" + Texts.shorten(word) + ".'");
        } else {
            int keyStart = pos;
            while (pos < cps.length && isBareKeyChar(cps[pos])) pos++;
            if (pos == keyStart) throw error(keyCol, "missing key after '" + Texts.shorten(word) + ".'");
            key = new String(cps, keyStart, pos - keyStart);
        }
        return new Token(Token.Kind.FIELD, word + "." + key, col, field(prefix, key, keyCol));
    }

    private Field field(String prefix, String key, int keyCol) {
        return switch (prefix) {
            case "metrics" -> new Field.Metric(key, Aggregate.LATEST);
            case "params" -> new Field.Param(key);
            case "tags" -> new Field.Tag(key);
            default -> new Field.Attr(Attribute.byName(key).orElseThrow(() -> error(keyCol,
                    "unknown attribute '" + Texts.shorten(key) + "' (expected one of " + Attribute.names() + ")")));
        };
    }

    /** Reads a quoted run; the quote character doubled inside stands for itself. */
    private String quoted(int quote, String what) {
        int open = pos;
        pos++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= cps.length) throw error(open + 1, "unterminated " + what + ": missing closing "
                    + new String(Character.toChars(quote)));
            int c = cps[pos++];
            if (c == quote) {
                if (pos < cps.length && cps[pos] == quote) {
                    b.appendCodePoint(quote);
                    pos++;
                    continue;
                }
                if (quote != '`' && pos - 2 > open && cps[pos - 2] == '\\' && pos < cps.length && !isSpace(cps[pos]) && cps[pos] != ')' && cps[pos] != ',') {
                    String q = new String(Character.toChars(quote));
                    String other = quote == '"' ? "'" : "\"";
                    throw error(pos - 1, "a backslash does not escape a quote here: write the quote twice ("
                            + q + "it" + q + q + "s" + q + ") or use the other quotes (" + other + "it" + q + "s" + other + ")");
                }
                return b.toString();
            }
            b.appendCodePoint(c);
        }
    }

    private boolean startsNumber() {
        int c = cps[pos];
        int i = pos;
        if (c == '+' || c == '-') i++;
        if (i >= cps.length) return false;
        if (isDigit(cps[i])) return true;
        return cps[i] == '.' && i + 1 < cps.length && isDigit(cps[i + 1]);
    }

    private Token number() {
        int start = pos;
        if (cps[pos] == '+' || cps[pos] == '-') pos++;
        while (pos < cps.length && isDigit(cps[pos])) pos++;
        if (pos < cps.length && cps[pos] == '.') {
            pos++;
            while (pos < cps.length && isDigit(cps[pos])) pos++;
        }
        if (pos < cps.length && (cps[pos] == 'e' || cps[pos] == 'E')) {
            int save = pos++;
            if (pos < cps.length && (cps[pos] == '+' || cps[pos] == '-')) pos++;
            if (pos < cps.length && isDigit(cps[pos])) {
                while (pos < cps.length && isDigit(cps[pos])) pos++;
            } else {
                pos = save;
            }
        }
        if (pos < cps.length && (Character.isLetterOrDigit(cps[pos]) || cps[pos] == '_' || cps[pos] == '.')) {
            while (pos < cps.length && (Character.isLetterOrDigit(cps[pos]) || cps[pos] == '_' || cps[pos] == '.')) pos++;
            throw error(start + 1, "malformed number '" + Texts.shorten(new String(cps, start, pos - start)) + "'");
        }
        return new Token(Token.Kind.NUMBER, new String(cps, start, pos - start), start + 1);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isBareKeyChar(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '/' || c == ':';
    }

    /** Whether a key can be written after its prefix without quotes. */
    static boolean isBareKey(String key) {
        return !key.isEmpty() && key.codePoints().allMatch(Lexer::isBareKeyChar);
    }
}
