package io.jruns.search;

import io.jruns.domain.JrunsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The filter grammar: what parses to what (canonical form), and each error's message and column. */
class FilterParserTest {

    static String canonical(String filter) {
        return FilterParser.parse(filter).orElseThrow().render();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            metrics.loss < 0.5                          | metrics.loss < 0.5
            metric.loss<0.5                             | metrics.loss < 0.5
            METRICS.loss >= -1e3                        | metrics.loss >= -1e3
            metrics.loss = .5                           | metrics.loss = .5
            metrics.loss == 1                           | metrics.loss = 1
            metrics.loss <> 1                           | metrics.loss != 1
            metrics.`val loss` > 1                      | metrics.`val loss` > 1
            metrics."val loss" > 1                      | metrics.`val loss` > 1
            metrics.train/loss-1 > 1                    | metrics.train/loss-1 > 1
            params.lr = '0.01'                          | params.lr = '0.01'
            param.lr = "0.01"                           | params.lr = '0.01'
            parameter.lr != 'x'                         | params.lr != 'x'
            parameters.lr LIKE '0.%'                    | params.lr LIKE '0.%'
            params.lr ilike 'A_'                        | params.lr ILIKE 'A_'
            tags.size = 5                               | tags.size = '5'
            tags.size = 5.0                             | tags.size = '5.0'
            tag.`my tag` = 'my value'                   | tags.`my tag` = 'my value'
            tags.mlflow.runName = 'a'                   | tags.mlflow.runName = 'a'
            tags.`mlflow.user` IN ('a', "b", 3)         | tags.mlflow.user IN ('a', 'b', '3')
            tags.t not in ('x')                         | tags.t NOT IN ('x')
            tags.t = 'it''s'                            | tags.t = 'it''s'
            tags.t = "say ""hi"" now"                   | tags.t = 'say "hi" now'
            tags.`a``b` = ''                            | tags.`a``b` = ''
            attributes.status = 'FINISHED'              | attributes.status = 'FINISHED'
            attribute.run_id IN ('a', 'b')              | attributes.run_id IN ('a', 'b')
            attr.user_id LIKE 'al%'                     | attributes.user_id LIKE 'al%'
            run.artifact_uri != 'x'                     | attributes.artifact_uri != 'x'
            status = 'RUNNING'                          | attributes.status = 'RUNNING'
            Status = 'RUNNING'                          | attributes.status = 'RUNNING'
            run_name ILIKE 'run-%'                      | attributes.run_name ILIKE 'run-%'
            attributes.`Run name` = 'x'                 | attributes.run_name = 'x'
            attributes."run name" = 'x'                 | attributes.run_name = 'x'
            `run name` = 'x'                            | attributes.run_name = 'x'
            "Run Name" = 'x'                            | attributes.run_name = 'x'
            created > 5                                 | attributes.start_time > 5
            attributes.end_time <= 1700000000000        | attributes.end_time <= 1700000000000
            attributes.has_model = true                 | attributes.has_model = true
            has_model != TRUE                           | attributes.has_model = false
            has_model = False                           | attributes.has_model = false
            MIN(metrics.loss) <= 1                      | MIN(metrics.loss) <= 1
            max( metric.`a b` ) > 2                     | MAX(metrics.`a b`) > 2
            latest(metrics.loss) > 2                    | metrics.loss > 2
            params.lr IS NULL                           | params.lr IS NULL
            tags.`my tag` is not null                   | tags.`my tag` IS NOT NULL
            metrics.auc IS NULL                         | metrics.auc IS NULL
            NOT params.lr IS NOT NULL                   | NOT params.lr IS NOT NULL
            `metric`.a >= 0.1                           | metrics.a >= 0.1
            `params`.model = 'x'                        | params.model = 'x'
            tags.p = 'C:\\'                             | tags.p = 'C:\\'
            """)
    void parsesToCanonicalForm(String filter, String expected) {
        if (expected == null) {
            assertThrows(FilterException.class, () -> FilterParser.parse(filter));
            return;
        }
        assertEquals(expected, canonical(filter));
        assertEquals(expected, canonical(expected), "canonical form parses to itself");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            metrics.a < 1 AND metrics.b < 2 OR metrics.c < 3      | (metrics.a < 1 AND metrics.b < 2) OR metrics.c < 3
            metrics.a < 1 OR metrics.b < 2 AND metrics.c < 3      | metrics.a < 1 OR (metrics.b < 2 AND metrics.c < 3)
            NOT metrics.a < 1 AND metrics.b < 2                   | (NOT metrics.a < 1) AND metrics.b < 2
            NOT (metrics.a < 1 AND metrics.b < 2)                 | NOT (metrics.a < 1 AND metrics.b < 2)
            (metrics.a < 1 OR metrics.b < 2) AND metrics.c < 3    | (metrics.a < 1 OR metrics.b < 2) AND metrics.c < 3
            not not metrics.a < 1                                 | NOT (NOT metrics.a < 1)
            ((metrics.a < 1))                                     | metrics.a < 1
            metrics.a < 1 and metrics.b < 2 and metrics.c < 3     | metrics.a < 1 AND metrics.b < 2 AND metrics.c < 3
            metrics.a<1 Or metrics.b<2 oR metrics.c<3             | metrics.a < 1 OR metrics.b < 2 OR metrics.c < 3
            """)
    void precedenceIsNotThenAndThenOr(String filter, String expected) {
        assertEquals(expected, canonical(filter));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void blankMatchesEverything(String filter) {
        assertTrue(FilterParser.parse(filter).isEmpty());
        assertTrue(FilterParser.parse(null).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            metrics.acc LIKE 'a%'               | 13 | LIKE is not defined for metrics (use =, !=, <, <=, > or >=)
            MIN(metrics.a) IN (1)               | 16 | IN is not defined for metrics (use =, !=, <, <=, > or >=)
            start_time ILIKE '1%'               | 12 | ILIKE is not defined for start_time (use =, !=, <, <=, > or >=)
            params.lr > 0.001                   | 11 | > is not defined for params (use =, !=, LIKE, ILIKE, IN or NOT IN)
            tags.t <= 'a'                       | 8  | <= is not defined for tags (use =, !=, LIKE, ILIKE, IN or NOT IN)
            run_name < 'a'                      | 10 | < is not defined for run_name (use =, !=, LIKE, ILIKE, IN or NOT IN)
            has_model LIKE 'x'                  | 11 | LIKE is not defined for has_model (use = true or = false)
            has_model = 'true'                  | 13 | expected true or false after =, found string 'true'
            metrics.loss < '0.5'                | 16 | expected a number after <, found string '0.5' (numbers are not quoted)
            params.lr = lr                      | 13 | expected a quoted string after =, found 'lr'
            status = FINISHED                   | 10 | expected a quoted string after =, found 'FINISHED'
            params.lr IN 'a'                    | 14 | expected '(' and a list of values after IN, found string 'a'
            params.lr IN ()                     | 15 | IN needs at least one value
            params.lr IN ('a' 'b')              | 19 | expected ',' or ')' in the IN list, found string 'b'
            params.lr IN ('a',)                 | 19 | expected a quoted string after IN, found ')'
            params.lr NOT LIKE 'a'              | 11 | NOT LIKE is not supported: write NOT (params.lr LIKE ...)
            params.lr                           | 10 | expected an operator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN or IS [NOT] NULL) after params.lr, found the end of the expression
            params.lr 'a'                       | 11 | expected an operator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN or IS [NOT] NULL) after params.lr, found string 'a'
            params.lr IS 'a'                    | 14 | expected NULL or NOT NULL after IS, found string 'a'
            params.lr IS NOT                    | 17 | expected NULL after IS, found the end of the expression
            status IS NULL                      | 8  | IS NULL applies to params, tags and metrics, not status
            MIN(metrics.a) IS NOT NULL          | 16 | IS NOT NULL applies to a metric itself (metrics.a), not to MIN()
            tags.t = 'it\\'s'                   | 13 | a backslash does not escape a quote here: write the quote twice ('it''s') or use the other quotes ("it's")
            `metrix`.a = 1                      | 1  | unknown attribute 'metrix' (expected one of artifact_uri, created, end_time, has_model, run_id, run_name, start_time, status, user_id)
            foo.bar = 1                         | 1  | unknown identifier type 'foo' (expected metrics., params., tags. or attributes.)
            attributes.color = 'x'              | 12 | unknown attribute 'color' (expected one of artifact_uri, created, end_time, has_model, run_id, run_name, start_time, status, user_id)
            color = 'x'                         | 1  | unknown attribute 'color' (expected one of artifact_uri, created, end_time, has_model, run_id, run_name, start_time, status, user_id)
            metrics. < 1                        | 9  | missing key after 'metrics.'
            metrics.`` < 1                      | 9  | empty key after 'metrics.'
            metrics.`a < 1                      | 9  | unterminated quoted key: missing closing `
            params.a = 'x                       | 12 | unterminated string: missing closing '
            'x' = params.a                      | 1  | expected an identifier such as metrics.loss, params.lr or status, found string 'x'
            AND metrics.a < 1                   | 1  | expected an identifier such as metrics.loss, params.lr or status, found AND
            metrics.a < 1 AND                   | 18 | expected an identifier such as metrics.loss, params.lr or status, found the end of the expression
            metrics.a < 1 metrics.b < 2         | 15 | expected AND, OR or the end of the filter, found metrics.b
            metrics.a < 1)                      | 14 | unexpected ')': no '(' to close
            (metrics.a < 1                      | 15 | expected ')' to close the '(' at column 1, found the end of the expression
            MIN(params.a) < 1                   | 5  | MIN() takes a metric such as metrics.loss, found params.a
            MAX(metrics.a < 1                   | 15 | expected ')' to close MAX(, found '<'
            metrics.a < 1.2.3                   | 13 | malformed number '1.2.3'
            metrics.a < 5x                      | 13 | malformed number '5x'
            metrics.a < 1e                      | 13 | malformed number '1e'
            metrics.a ! 1                       | 11 | unexpected character '!'
            metrics.a < 1 ; DROP TABLE runs     | 15 | unexpected character ';'
            """)
    void errorsNameTheProblemAndColumn(String filter, int column, String problem) {
        FilterException e = assertThrows(FilterException.class, () -> FilterParser.parse(filter));
        assertEquals(problem + " (column " + column + ")", e.getMessage());
        assertEquals(column, e.column());
        assertEquals(JrunsException.Code.INVALID_PARAMETER_VALUE, e.code());
        assertTrue(e instanceof JrunsException);
    }

    @Test
    void caretDisplayPointsAtTheColumn() {
        FilterException e = assertThrows(FilterException.class,
                () -> FilterParser.parse("params.a = 'x' AND metrics.acc LIKE 'a%'"));
        assertEquals("params.a = 'x' AND metrics.acc LIKE 'a%'\n" + " ".repeat(31) + "^\n"
                + "LIKE is not defined for metrics (use =, !=, <, <=, > or >=) (column 32)", e.caretDisplay());
    }

    @Test
    void caretDisplayKeepsTabsAndFlattensLinesAndCountsCodePoints() {
        FilterException tab = assertThrows(FilterException.class, () -> FilterParser.parse("\tparams.a < 1"));
        assertEquals("\tparams.a < 1\n\t         ^\n" + tab.getMessage(), tab.caretDisplay());
        FilterException lines = assertThrows(FilterException.class, () -> FilterParser.parse("params.a = 'x'\nAND"));
        assertEquals("params.a = 'x' AND\n" + " ".repeat(18) + "^\n" + lines.getMessage(), lines.caretDisplay());
        FilterException emoji = assertThrows(FilterException.class, () -> FilterParser.parse("tags.t = '\uD83D\uDE00' #"));
        assertEquals(14, emoji.column(), "the emoji is one column");
        assertEquals(" ".repeat(14) + "^", emoji.caretDisplay().lines().toList().get(1), "and two cells of a terminal");
        // wide characters before the column take two cells each, a combining mark none
        FilterException cjk = assertThrows(FilterException.class,
                () -> FilterParser.parse("params.x = '中文字' AND metrics.a LIKE 'x'"));
        assertEquals(" ".repeat(34) + "^", cjk.caretDisplay().lines().toList().get(1));
        FilterException mark = assertThrows(FilterException.class, () -> FilterParser.parse("params.x = 'e\u0301' #"));
        assertEquals(" ".repeat(15) + "^", mark.caretDisplay().lines().toList().get(1));
    }

    @Test
    void nestingAndSizeAreLimited() {
        String deep = "(".repeat(65) + "metrics.a < 1" + ")".repeat(65);
        FilterException e = assertThrows(FilterException.class, () -> FilterParser.parse(deep));
        assertEquals("filter nested too deeply (at most 64 levels) (column 65)", e.getMessage());
        String ok = "(".repeat(64) + "metrics.a < 1" + ")".repeat(64);
        assertEquals("metrics.a < 1", canonical(ok));
        assertThrows(FilterException.class, () -> FilterParser.parse("NOT ".repeat(100_000) + "metrics.a < 1"));

        String many = String.join(" AND ", java.util.Collections.nCopies(501, "metrics.a < 1"));
        assertTrue(assertThrows(FilterException.class, () -> FilterParser.parse(many)).getMessage()
                .startsWith("filter too long (at most 500 comparisons)"));
        String longList = "params.a IN (" + String.join(",", java.util.Collections.nCopies(10_001, "'x'")) + ")";
        assertTrue(assertThrows(FilterException.class, () -> FilterParser.parse(longList)).getMessage()
                .startsWith("filter too long (at most 10000 values)"));
    }

    @Test
    void numbersKeepExactLongsForTimes() {
        Expr.NumberTest t = (Expr.NumberTest) FilterParser.parse("start_time > 9007199254740993").orElseThrow();
        assertEquals(9007199254740993L, t.value().exact());
        Expr.NumberTest big = (Expr.NumberTest) FilterParser.parse("start_time > 99999999999999999999").orElseThrow();
        assertEquals(null, big.value().exact());
        assertEquals(1e20, big.value().value());
        Expr.NumberTest inf = (Expr.NumberTest) FilterParser.parse("metrics.a < 1e999").orElseThrow();
        assertEquals(Double.POSITIVE_INFINITY, inf.value().value());
    }

    @Test
    void valuesKeepEveryCharacter() {
        Expr.TextTest t = (Expr.TextTest) FilterParser.parse("tags.t IN ('a\\b', \"%_\", 'é \uD83D\uDE00', '')").orElseThrow();
        assertEquals(List.of("a\\b", "%_", "é \uD83D\uDE00", ""), t.values());
    }
}
