package io.jruns.search;

import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static io.jruns.search.TestRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Order parsing and the order itself: NaN after numbers, missing last, both ways; ties broken by start_time DESC, run_id. */
class OrderTest {
    static final List<Run> RUNS = List.of(
            run("a").start(100).name("b").metric("m", 2).metric("n", 1, 5).param("p", "x").build(),
            run("b").start(300).name("a").metric("m", Double.NaN).param("p", "X").tag("t", "\uD83D\uDE00").build(),
            run("c").start(200).name("c").metric("m", 2).metric("n", 3).param("p", "x").tag("t", "\uFFFD").end(50L).build(),
            run("d").start(300).name("d").metric("m", -1).status(RunStatus.RUNNING).build(),
            run("e").start(100).name("e").metric("m", Double.NEGATIVE_INFINITY).end(60L).build());

    static String order(String orderBy) {
        List<Run> shuffled = new ArrayList<>(RUNS);
        Collections.shuffle(shuffled, new Random(orderBy.hashCode()));
        List<OrderKey> keys = orderBy.isEmpty() ? List.of() : OrderParser.parse(orderBy);
        shuffled.sort(RunOrder.comparator(keys));
        return shuffled.stream().map(Run::runId).collect(Collectors.joining(","));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            ~~                                  | b,d,c,a,e
            start_time                          | a,e,c,b,d
            attributes.start_time ASC           | a,e,c,b,d
            created DESC                        | b,d,c,a,e
            metrics.m                           | e,d,c,a,b
            metrics.m DESC                      | c,a,d,e,b
            metric.m desc, run_id desc          | c,a,d,e,b
            MIN(metrics.n) DESC                 | c,a,b,d,e
            MAX(metrics.n) DESC                 | a,c,b,d,e
            metrics.n DESC                      | a,c,b,d,e
            params.p                            | b,c,a,d,e
            params.p DESC, start_time ASC       | a,c,b,e,d
            tags.t                              | c,b,d,a,e
            tags.t DESC                         | b,c,d,a,e
            end_time                            | c,e,b,d,a
            end_time DESC                       | e,c,b,d,a
            run_name DESC                       | e,d,c,a,b
            status                              | b,c,a,e,d
            run_id DESC                         | e,d,c,b,a
            """)
    void orders(String orderBy, String expected) {
        assertEquals(expected, order(orderBy == null ? "" : orderBy));
    }

    /** MLflow's SQL store sorts on is_nan, then presence, then the value: NaN before missing, both ways. */
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            metrics.m                | z,x,y
            metrics.m DESC           | z,x,y
            MIN(metrics.m)           | z,x,y
            """)
    void nanComesAfterNumbersAndBeforeMissing(String orderBy, String expected) {
        List<Run> runs = new ArrayList<>(List.of(run("x").start(100).metric("m", Double.NaN).build(),
                run("y").start(300).build(), run("z").start(200).metric("m", 1).build()));
        Collections.shuffle(runs, new Random(3));
        runs.sort(RunOrder.comparator(OrderParser.parse(orderBy)));
        assertEquals(expected, runs.stream().map(Run::runId).collect(Collectors.joining(",")));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            ~ ~                        | 1  | empty order (expected e.g. metrics.loss DESC)
            metrics.m UP               | 11 | expected ASC, DESC, ',' or the end of the order, found 'UP'
            metrics.m DESC,            | 16 | expected an identifier such as metrics.loss, params.lr or status, found the end of the expression
            has_model DESC             | 1  | has_model cannot order runs
            metrics.m < 1              | 11 | expected ASC, DESC, ',' or the end of the order, found '<'
            MIN(tags.t)                | 5  | MIN() takes a metric such as metrics.loss, found tags.t
            """)
    void orderErrors(String orderBy, int column, String problem) {
        FilterException e = assertThrows(FilterException.class, () -> OrderParser.parse(orderBy));
        assertEquals(problem + " (column " + column + ")", e.getMessage());
    }

    /** Each param, tag or metric key is a join: a long order is a clear error, not SQLite's 500. */
    @org.junit.jupiter.api.Test
    void anOrderHasAtMostSixteenKeys() {
        String[] keys = java.util.stream.IntStream.range(0, 17).mapToObj(i -> "params.p" + i).toArray(String[]::new);
        FilterException e = assertThrows(FilterException.class,
                () -> SearchRequest.builder().experiments("0").orderBy(keys).build());
        assertEquals("order too long: at most 16 keys, got 17 (column 1)", e.getMessage());
        assertTrue(assertThrows(FilterException.class, () -> OrderParser.parse(String.join(", ", keys))).getMessage()
                .startsWith("order too long: at most 16 keys"));
        SearchRequest.builder().experiments("0").orderBy(java.util.Arrays.copyOf(keys, 16)).build();
    }
}
