package io.jruns.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The operator and value of one comparison, checked against what the field holds. */
final class Comparisons {
    private static final String OPERATORS = "=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN or IS [NOT] NULL";
    static final String IS_NULL = "IS NULL";
    static final String IS_NOT_NULL = "IS NOT NULL";

    private Comparisons() {
    }

    /** Reads the operator after a field; returns its canonical spelling. */
    static String operator(TokenStream ts, Field field) {
        Token t = ts.peek();
        if (t.kind() == Token.Kind.OPERATOR) {
            ts.take();
            return t.text();
        }
        if (t.isWord("LIKE") || t.isWord("ILIKE") || t.isWord("IN")) {
            ts.take();
            return t.text().toUpperCase(Locale.ROOT);
        }
        if (t.isWord("IS")) {
            boolean not = ts.peek(1).isWord("NOT");
            Token n = ts.peek(not ? 2 : 1);
            if (!n.isWord("NULL")) throw ts.error(n, "expected " + (not ? "NULL" : "NULL or NOT NULL") + " after IS, found " + n.describe());
            for (int i = not ? 3 : 2; i > 0; i--) ts.take();
            return not ? IS_NOT_NULL : IS_NULL;
        }
        if (t.isWord("NOT")) {
            Token n = ts.peek(1);
            if (n.isWord("IN")) {
                ts.take();
                ts.take();
                return "NOT IN";
            }
            if (n.isWord("LIKE") || n.isWord("ILIKE")) {
                String word = n.text().toUpperCase(Locale.ROOT);
                throw ts.error(t, "NOT " + word + " is not supported: write NOT ("
                        + Texts.shorten(field.render()) + " " + word + " ...)");
            }
        }
        throw ts.error(t, "expected an operator (" + OPERATORS + ") after " + Texts.shorten(field.render()) + ", found " + t.describe());
    }

    static Expr build(TokenStream ts, Field field, String op, Token opToken) {
        if (op.equals(IS_NULL) || op.equals(IS_NOT_NULL)) return presence(ts, field, op, opToken);
        return switch (field.kind()) {
            case NUMBER -> new Expr.NumberTest(field, numberOp(ts, field, op, opToken), number(ts, op));
            case TEXT -> text(ts, field, textOp(ts, field, op, opToken), op);
            case BOOLEAN -> model(ts, field, op, opToken);
        };
    }

    private static NumberOp numberOp(TokenStream ts, Field field, String op, Token at) {
        for (NumberOp n : NumberOp.values()) if (n.symbol().equals(op)) return n;
        throw ts.error(at, op + " is not defined for " + field.family() + " (use =, !=, <, <=, > or >=)");
    }

    private static TextOp textOp(TokenStream ts, Field field, String op, Token at) {
        for (TextOp t : TextOp.values()) if (t.symbol().equals(op)) return t;
        throw ts.error(at, op + " is not defined for " + field.family() + " (use =, !=, LIKE, ILIKE, IN or NOT IN)");
    }

    private static NumberLiteral number(TokenStream ts, String op) {
        Token v = ts.peek();
        if (v.kind() != Token.Kind.NUMBER) {
            throw ts.error(v, "expected a number after " + op + ", found " + v.describe()
                    + (v.isString() ? " (numbers are not quoted)" : ""));
        }
        ts.take();
        return NumberLiteral.parse(v.text());
    }

    private static Expr text(TokenStream ts, Field field, TextOp op, String opText) {
        if (!op.takesList()) return new Expr.TextTest(field, op, List.of(textValue(ts, opText)));
        Token open = ts.peek();
        if (open.kind() != Token.Kind.LPAREN) {
            throw ts.error(open, "expected '(' and a list of values after " + opText + ", found " + open.describe());
        }
        ts.take();
        List<String> values = new ArrayList<>();
        if (ts.peek().kind() == Token.Kind.RPAREN) throw ts.error(ts.peek(), opText + " needs at least one value");
        while (true) {
            values.add(textValue(ts, opText));
            Token sep = ts.peek();
            if (sep.kind() == Token.Kind.RPAREN) {
                ts.take();
                return new Expr.TextTest(field, op, values);
            }
            if (sep.kind() != Token.Kind.COMMA) {
                throw ts.error(sep, "expected ',' or ')' in the " + opText + " list, found " + sep.describe());
            }
            ts.take();
        }
    }

    /** A quoted string, or an unquoted number taken as its text ({@code tags.size = 5} matches "5"). */
    private static String textValue(TokenStream ts, String op) {
        Token v = ts.peek();
        if (!v.isString() && v.kind() != Token.Kind.NUMBER) {
            throw ts.error(v, "expected a quoted string after " + op + ", found " + v.describe());
        }
        ts.take();
        return v.text();
    }

    /** MLflow takes IS [NOT] NULL on params and tags; jruns on a run's latest metric too, which MLflow cannot ask. */
    private static Expr presence(TokenStream ts, Field field, String op, Token at) {
        if (field instanceof Field.Metric m && m.aggregate() != Aggregate.LATEST) {
            throw ts.error(at, op + " applies to a metric itself (metrics." + Quoting.key(m.key()) + "), not to " + m.aggregate() + "()");
        }
        boolean keyed = field instanceof Field.Param || field instanceof Field.Tag || field instanceof Field.Metric;
        if (!keyed) throw ts.error(at, op + " applies to params, tags and metrics, not " + field.family());
        return new Expr.Presence(field, op.equals(IS_NOT_NULL));
    }

    private static Expr model(TokenStream ts, Field field, String op, Token at) {
        if (!op.equals("=") && !op.equals("!=")) {
            throw ts.error(at, op + " is not defined for " + field.family() + " (use = true or = false)");
        }
        Token v = ts.peek();
        if (!v.isWord("TRUE") && !v.isWord("FALSE")) {
            throw ts.error(v, "expected true or false after " + op + ", found " + v.describe());
        }
        ts.take();
        return new Expr.ModelTest(v.isWord("TRUE") == op.equals("="));
    }
}
