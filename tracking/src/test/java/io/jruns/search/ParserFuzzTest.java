package io.jruns.search;

import io.jruns.domain.JrunsException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing but a FilterException (one line, a column inside the text) ever leaves the
 * parsers, whatever the input; and every expression survives render-then-parse unchanged.
 */
class ParserFuzzTest {
    private static final String GRAMMAR_CHARS = "metricsparamtgu_.`'\"()=!<>, -+0123456789eE%*?[]ANDORNOTINLIKEMAX\t\n\\é😀";

    @Property(tries = 3000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void randomGrammarSoupParsesOrFailsCleanly(@ForAll("soup") String text) {
        Statistics.collect(parsesOrFailsCleanly(text));
        Statistics.coverage(c -> {
            c.check("parsed").percentage(p -> p > 1);
            c.check("failed").percentage(p -> p > 50);
        });
    }

    @Property(tries = 1000)
    void anyUnicodeParsesOrFailsCleanly(@ForAll String text) {
        parsesOrFailsCleanly(text);
    }

    @Property(tries = 3000, edgeCases = EdgeCasesMode.NONE) // the combined edge cases would outnumber the tries
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void mutatedValidFiltersParseOrFailCleanly(@ForAll("mutated") String text) {
        Statistics.collect(parsesOrFailsCleanly(text));
        Statistics.coverage(c -> {
            c.check("parsed").percentage(p -> p > 5);
            c.check("failed").percentage(p -> p > 30);
        });
    }

    @Property(tries = 2000)
    void renderedExpressionsParseBackToThemselves(@ForAll("exprs") Expr e) {
        Expr back = FilterParser.parse(e.render()).orElseThrow();
        assertEquals(e, back, e.render());
        assertEquals(e.render(), back.render());
    }

    @Property(tries = 500)
    void renderedOrdersParseBackToThemselves(@ForAll("orders") List<OrderKey> keys) {
        if (keys.isEmpty()) return;
        String text = String.join(", ", keys.stream().map(OrderKey::render).toList());
        assertEquals(keys, OrderParser.parse(text));
    }

    @Provide
    Arbitrary<String> soup() {
        Arbitrary<String> chars = Arbitraries.strings().withChars(GRAMMAR_CHARS).ofMaxLength(60);
        Arbitrary<String> words = Arbitraries.of("metrics.", "params.", "tags.", "attributes.", " AND ", " OR ", "NOT ",
                " IN ", " LIKE ", "MIN(", "LATEST(", "'", "\"", "`", "(", ")", "=", "!=", "<=", "1e5", "-.5", "has_model",
                " true", "status", "\"run name\"", ",", " NOT IN ").list().ofMaxSize(12).map(l -> String.join("", l));
        return Arbitraries.oneOf(chars, words);
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> valid = FilterArbitraries.exprs().map(Expr::render);
        return Combinators.combine(valid, Arbitraries.integers().between(0, 10_000).list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.strings().withChars(GRAMMAR_CHARS).ofMinLength(1).ofMaxLength(3))
                .as(ParserFuzzTest::mutate);
    }

    @Provide
    Arbitrary<Expr> exprs() {
        return FilterArbitraries.exprs();
    }

    @Provide
    Arbitrary<List<OrderKey>> orders() {
        return FilterArbitraries.orders();
    }

    /** Deletes, inserts, duplicates or truncates at positions taken from {@code picks}. */
    static String mutate(String text, List<Integer> picks, String insert) {
        StringBuilder b = new StringBuilder(text);
        for (int pick : picks) {
            if (b.length() == 0) break;
            int at = pick % b.length();
            switch (pick % 4) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, insert);
                case 2 -> b.insert(at, b.substring(at, Math.min(b.length(), at + 5)));
                default -> b.setLength(at);
            }
        }
        return b.toString();
    }

    /** Returns "parsed" or "failed" for the filter parser; the order parser must behave too. */
    static String parsesOrFailsCleanly(String text) {
        String outcome = "parsed";
        for (int which = 0; which < 2; which++) {
            try {
                if (which == 0) FilterParser.parse(text);
                else OrderParser.parse(text);
            } catch (FilterException e) {
                if (which == 0) outcome = "failed";
                int length = text.codePointCount(0, text.length());
                assertTrue(e.column() >= 1 && e.column() <= length + 1, e.column() + " outside " + text);
                assertEquals(JrunsException.Code.INVALID_PARAMETER_VALUE, e.code());
                assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
                assertTrue(e.getMessage().endsWith("(column " + e.column() + ")"), e.getMessage());
                assertEquals(3, e.caretDisplay().split("\n", -1).length, e.caretDisplay());
            }
        }
        return outcome;
    }
}
