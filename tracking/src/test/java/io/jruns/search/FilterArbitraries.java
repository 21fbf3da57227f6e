package io.jruns.search;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.List;

/**
 * Random filters and orders over a small vocabulary, so that they hit the keys and values
 * the random run sets hold (see the embedded store's equivalence property) and hit the
 * edges: NaN, infinities, -0, missing keys, wildcards, GLOB's own special characters,
 * case folding beyond ASCII, supplementary characters.
 */
public final class FilterArbitraries {
    public static final List<String> METRIC_KEYS = List.of("m1", "m2", "m 3");
    public static final List<String> PARAM_KEYS = List.of("p1", "p2");
    public static final List<String> TAG_KEYS = List.of("t1", "t 2");
    public static final List<String> TEXTS = List.of("a", "b", "A", "5", "5.0", "", "ab", "a%b", "x_y", "é", "É",
            "\uD83D\uDE00", "a*b", "[x]", "?", "run-a");
    public static final List<String> NAMES = List.of("run-a", "Run-B", "run_c", "other", "é");
    public static final List<String> USERS = List.of("alice", "bob", "Alice");
    public static final List<Long> TIMES = List.of(100L, 200L, 300L);
    private static final List<String> PATTERNS = List.of("a%", "%a", "_", "%", "A%", "%b%", "a_b", "%*%", "[%", "%?",
            "é%", "É%", "%\uD83D\uDE00%", "", "r%-%", "run%", "%E%", "%5", "RUN-%", "%/%");
    private static final List<String> STATUSES = List.of("RUNNING", "FINISHED", "FAILED", "KILLED", "running");
    private static final List<String> NUMBERS = List.of("-1", "0", "-0", "0.5", "1", "2", "1e300", "1e999", "-1e999", "3");
    private static final List<String> TIME_NUMBERS = List.of("100", "150", "200", "200.5", "300", "1e2", "-5", "350");

    private FilterArbitraries() {
    }

    public static Arbitrary<Expr> exprs() {
        return expr(3);
    }

    private static Arbitrary<Expr> expr(int depth) {
        if (depth == 0) return comparison();
        Arbitrary<Expr> inner = expr(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(5, comparison()),
                Tuple.of(2, inner.list().ofMinSize(2).ofMaxSize(3).map(Expr.And::new)),
                Tuple.of(2, inner.list().ofMinSize(2).ofMaxSize(3).map(Expr.Or::new)),
                Tuple.of(1, inner.map(Expr.Not::new)));
    }

    public static Arbitrary<Expr> comparison() {
        Arbitrary<Expr> metric = Combinators.combine(Arbitraries.of(METRIC_KEYS), Arbitraries.of(Aggregate.class),
                Arbitraries.of(NumberOp.class), Arbitraries.of(NUMBERS))
                .as((k, a, op, n) -> new Expr.NumberTest(new Field.Metric(k, a), op, NumberLiteral.parse(n)));
        Arbitrary<Expr> time = Combinators.combine(Arbitraries.of(Attribute.START_TIME, Attribute.END_TIME),
                Arbitraries.of(NumberOp.class), Arbitraries.of(TIME_NUMBERS))
                .as((a, op, n) -> new Expr.NumberTest(new Field.Attr(a), op, NumberLiteral.parse(n)));
        Arbitrary<Field> keyed = Arbitraries.oneOf(Arbitraries.of(PARAM_KEYS).map(Field.Param::new),
                Arbitraries.of(TAG_KEYS).map(Field.Tag::new));
        Arbitrary<Expr> text = Arbitraries.frequencyOf(
                Tuple.of(4, text(keyed, TEXTS)),
                Tuple.of(1, text(attribute(Attribute.RUN_NAME), NAMES)),
                Tuple.of(1, text(attribute(Attribute.STATUS), STATUSES)),
                Tuple.of(1, text(attribute(Attribute.USER_ID), USERS)),
                Tuple.of(1, text(Arbitraries.of(Attribute.RUN_ID, Attribute.ARTIFACT_URI).map(Field.Attr::new), TEXTS)));
        Arbitrary<Expr> model = Arbitraries.of(true, false).map(Expr.ModelTest::new);
        Arbitrary<Expr> presence = Combinators.combine(Arbitraries.oneOf(keyed,
                Arbitraries.of(METRIC_KEYS).map(k -> new Field.Metric(k, Aggregate.LATEST))), Arbitraries.of(true, false))
                .as(Expr.Presence::new);
        return Arbitraries.frequencyOf(Tuple.of(4, metric), Tuple.of(2, time), Tuple.of(6, text), Tuple.of(1, model),
                Tuple.of(1, presence));
    }

    /** Comparisons of text fields with values from the pool the run sets draw that field from. */
    private static Arbitrary<Expr> text(Arbitrary<Field> fields, List<String> pool) {
        return Combinators.combine(fields, Arbitraries.of(TextOp.class), Arbitraries.of(pool).list().ofMinSize(1)
                .ofMaxSize(3), Arbitraries.of(PATTERNS))
                .as((f, op, values, pattern) -> new Expr.TextTest(f, op, switch (op) {
                    case LIKE, ILIKE -> List.of(pattern);
                    case IN, NOT_IN -> values;
                    default -> values.subList(0, 1);
                }));
    }

    private static Arbitrary<Field> attribute(Attribute a) {
        return Arbitraries.just(new Field.Attr(a));
    }

    public static Arbitrary<List<OrderKey>> orders() {
        Arbitrary<Field> field = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(METRIC_KEYS), Arbitraries.of(Aggregate.class)).as(Field.Metric::new),
                Arbitraries.of(PARAM_KEYS).map(Field.Param::new),
                Arbitraries.of(TAG_KEYS).map(Field.Tag::new),
                Arbitraries.of(Attribute.RUN_NAME, Attribute.STATUS, Attribute.USER_ID, Attribute.START_TIME,
                        Attribute.END_TIME, Attribute.RUN_ID, Attribute.ARTIFACT_URI).map(Field.Attr::new));
        return Combinators.combine(field, Arbitraries.of(true, false)).as(OrderKey::new).list().ofMaxSize(3);
    }
}
