package io.jruns.search;

import java.util.ArrayList;
import java.util.List;

/** Parses an order: {@code key [ASC|DESC] (',' key [ASC|DESC])*}; ascending when neither is given. */
public final class OrderParser {
    /** Keys in one search's whole order; far more than anyone sorts by. */
    public static final int MAX_KEYS = 16;

    private OrderParser() {
    }

    public static List<OrderKey> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new FilterException(text == null ? "" : text, 1, "empty order (expected e.g. metrics.loss DESC)");
        }
        TokenStream ts = new TokenStream(text);
        List<OrderKey> keys = new ArrayList<>();
        while (true) {
            Token start = ts.peek();
            Field field = Operands.field(ts);
            if (field.kind() == Attribute.ValueKind.BOOLEAN) {
                throw ts.error(start, field.family() + " cannot order runs");
            }
            boolean ascending = true;
            if (ts.peek().isWord("ASC") || ts.peek().isWord("DESC")) ascending = ts.take().isWord("ASC");
            keys.add(new OrderKey(field, ascending));
            Token next = ts.peek();
            if (next.kind() == Token.Kind.END) return keys;
            if (next.kind() != Token.Kind.COMMA) {
                throw ts.error(next, "expected ASC, DESC, ',' or the end of the order, found " + next.describe());
            }
            ts.take();
            if (keys.size() >= MAX_KEYS) throw ts.error(next, "order too long: at most " + MAX_KEYS + " keys");
        }
    }
}
