package io.jruns.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recursive descent over the filter grammar (see docs/search.md):
 * {@code or := and (OR and)*; and := unary (AND unary)*; unary := NOT unary | primary;
 * primary := '(' or ')' | comparison}. Limits on nesting and size keep the parser, the
 * evaluator and the SQL it compiles to within their stacks and SQLite's limits.
 */
public final class FilterParser {
    static final int MAX_DEPTH = 64;
    static final int MAX_COMPARISONS = 500;
    static final int MAX_VALUES = 10_000;

    private final TokenStream ts;
    private int depth;
    private int comparisons;
    private int values;

    private FilterParser(String text) {
        this.ts = new TokenStream(text);
    }

    /** The filter, or empty for a null or blank text (every run matches). */
    public static Optional<Expr> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        FilterParser p = new FilterParser(text);
        Expr e = p.or();
        Token rest = p.ts.peek();
        if (rest.kind() == Token.Kind.RPAREN) throw p.ts.error(rest, "unexpected ')': no '(' to close");
        if (rest.kind() != Token.Kind.END) {
            throw p.ts.error(rest, "expected AND, OR or the end of the filter, found " + rest.describe());
        }
        return Optional.of(e);
    }

    private Expr or() {
        List<Expr> terms = new ArrayList<>(List.of(and()));
        while (ts.peek().isWord("OR")) {
            ts.take();
            terms.add(and());
        }
        return terms.size() == 1 ? terms.get(0) : new Expr.Or(terms);
    }

    private Expr and() {
        List<Expr> terms = new ArrayList<>(List.of(unary()));
        while (ts.peek().isWord("AND")) {
            ts.take();
            terms.add(unary());
        }
        return terms.size() == 1 ? terms.get(0) : new Expr.And(terms);
    }

    private Expr unary() {
        Token t = ts.peek();
        if (t.isWord("NOT")) {
            enter(t);
            ts.take();
            Expr e = new Expr.Not(unary());
            depth--;
            return e;
        }
        if (t.kind() == Token.Kind.LPAREN) {
            enter(t);
            ts.take();
            Expr e = or();
            Token close = ts.peek();
            if (close.kind() != Token.Kind.RPAREN) {
                throw ts.error(close, "expected ')' to close the '(' at column " + t.column() + ", found "
                        + close.describe());
            }
            ts.take();
            depth--;
            return e;
        }
        return comparison();
    }

    private void enter(Token t) {
        if (++depth > MAX_DEPTH) throw ts.error(t, "filter nested too deeply (at most " + MAX_DEPTH + " levels)");
    }

    private Expr comparison() {
        Token start = ts.peek();
        Field field = Operands.field(ts);
        if (++comparisons > MAX_COMPARISONS) {
            throw ts.error(start, "filter too long (at most " + MAX_COMPARISONS + " comparisons)");
        }
        Token opToken = ts.peek();
        String op = Comparisons.operator(ts, field);
        Expr e = Comparisons.build(ts, field, op, opToken);
        if (e instanceof Expr.TextTest tt && (values += tt.values().size()) > MAX_VALUES) {
            throw ts.error(opToken, "filter too long (at most " + MAX_VALUES + " values)");
        }
        return e;
    }
}
