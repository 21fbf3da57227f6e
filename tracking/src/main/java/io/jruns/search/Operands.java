package io.jruns.search;

/** Reads the left side of a comparison or an order key: a field, a bare attribute, or an aggregate. */
final class Operands {
    static final String EXPECTED = "expected an identifier such as metrics.loss, params.lr or status";

    private Operands() {
    }

    static Field field(TokenStream ts) {
        Token t = ts.peek();
        switch (t.kind()) {
            case FIELD:
                ts.take();
                return t.field();
            case WORD:
                if (isAggregate(t) && ts.peek(1).kind() == Token.Kind.LPAREN) return aggregate(ts);
                if (Keywords.isKeyword(t.text())) throw ts.error(t, EXPECTED + ", found " + t.describe());
                ts.take();
                return attribute(ts, t);
            case BACKTICKED:
                ts.take();
                return attribute(ts, t);
            case DOUBLE_QUOTED:
                // "run name" = 'x': a double-quoted name where an identifier belongs is an attribute.
                if (Attribute.byName(t.text()).isPresent()) {
                    ts.take();
                    return attribute(ts, t);
                }
                throw ts.error(t, EXPECTED + ", found " + t.describe());
            default:
                throw ts.error(t, EXPECTED + ", found " + t.describe());
        }
    }

    private static boolean isAggregate(Token t) {
        return t.isWord("MIN") || t.isWord("MAX") || t.isWord("LATEST");
    }

    private static Field attribute(TokenStream ts, Token t) {
        return new Field.Attr(Attribute.byName(t.text()).orElseThrow(() -> ts.error(t,
                "unknown attribute '" + Texts.shorten(t.text()) + "' (expected one of " + Attribute.names() + ")")));
    }

    private static Field aggregate(TokenStream ts) {
        Token name = ts.take();
        Aggregate agg = Aggregate.valueOf(name.text().toUpperCase(java.util.Locale.ROOT));
        ts.take(); // (
        Token arg = ts.peek();
        if (arg.kind() != Token.Kind.FIELD || !(arg.field() instanceof Field.Metric m)) {
            throw ts.error(arg, agg + "() takes a metric such as metrics.loss, found " + arg.describe());
        }
        ts.take();
        Token close = ts.peek();
        if (close.kind() != Token.Kind.RPAREN) {
            throw ts.error(close, "expected ')' to close " + agg + "(, found " + close.describe());
        }
        ts.take();
        return new Field.Metric(m.key(), agg);
    }
}
