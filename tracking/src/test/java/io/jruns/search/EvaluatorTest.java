package io.jruns.search;

import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.jruns.search.TestRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What matches what, on a fixed set of runs chosen to hit NaN, missing keys, case and wildcards. */
class EvaluatorTest {
    static final Map<String, Run> RUNS = List.of(
            run("a").start(100).end(200L).name("run-a").metric("loss", 3, 0.5).metric("acc", 0.9)
                    .param("lr", "0.01").param("opt", "Adam").tag("size", "5").tag("note", "50% off")
                    .tag("mlflow.log-model.history", "[]").build(),
            run("b").start(200).name("Run-B").user(null).status(RunStatus.RUNNING).metric("loss", 0.2, Double.NaN)
                    .param("lr", "0.1").param("opt", "adam").tag("size", "5.0").tag("city", "ÉVORA").build(),
            run("c").start(300).end(400L).name("other").metric("loss", Double.NaN).metric("acc", Double.POSITIVE_INFINITY)
                    .param("opt", "a_d%m").tag("city", "évora").build(),
            run("d").start(9007199254740993L).name("run_d").metric("acc", -0.0).build()
    ).stream().collect(Collectors.toMap(Run::runId, r -> r));

    static String matching(String filter) {
        Expr e = FilterParser.parse(filter).orElseThrow();
        return RUNS.values().stream().filter(r -> Evaluator.matches(e, r)).map(Run::runId).sorted()
                .collect(Collectors.joining(","));
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            metrics.loss < 1                        | a,b,c
            metrics.loss < 0.3                      | b,c
            metrics.loss = 0                        | b,c
            metrics.loss != 0                       | a
            metrics.loss > -1                       | a,b,c
            metrics.loss = 0.5                      | a
            metrics.loss != 0.5                     | b,c
            NOT metrics.loss = 0.5                  | b,c,d
            metrics.loss >= 0                       | a,b,c
            MIN(metrics.loss) < 1                   | a,b
            MAX(metrics.loss) >= 3                  | a
            MIN(metrics.loss) != 0                  | a,b,c
            MAX(metrics.loss) = 0.2                 | b
            LATEST(metrics.loss) != 0.5             | b,c
            metrics.acc > 1e308                     | c
            metrics.acc < 1e999                     | a,d
            metrics.acc = 0                         | d
            metrics.acc = -0.0                      | d
            metrics.missing != 1                    | ~~
            NOT metrics.missing = 1                 | a,b,c,d
            params.lr = '0.01'                      | a
            params.lr != '0.01'                     | b
            NOT params.lr = '0.01'                  | b,c,d
            params.opt = 'Adam'                     | a
            params.opt LIKE 'A%'                    | a
            params.opt ILIKE 'A%'                   | a,b,c
            params.opt LIKE '_d_m'                  | a,b
            params.opt LIKE 'a_d%m'                 | c
            params.opt LIKE '%'                     | a,b,c
            params.opt LIKE ''                      | ~~
            params.opt IN ('adam', 'Adam')          | a,b
            params.opt NOT IN ('adam')              | a,c
            tags.size = 5                           | a
            tags.size = 5.0                         | b
            tags.size IN (5, 5.0)                   | a,b
            tags.note LIKE '50\\%%'                 | ~~
            tags.note LIKE '50% off'                | a
            tags.city ILIKE 'évora'                 | b,c
            tags.city LIKE 'évora'                  | c
            tags.city = 'ÉVORA'                     | b
            attributes.has_model = true             | a
            attributes.has_model = false            | b,c,d
            status = 'RUNNING'                      | b
            status != 'RUNNING'                     | a,c,d
            status = 'running'                      | ~~
            status ILIKE 'running'                  | b
            run_name ILIKE 'run-%'                  | a,b
            run_name LIKE 'run_%'                   | a,d
            user_id = 'alice'                       | a,c,d
            user_id != 'alice'                      | ~~
            NOT user_id = 'alice'                   | b
            run_id IN ('a', 'c', 'zz')              | a,c
            artifact_uri LIKE '%/b'                 | b
            start_time > 150                        | b,c,d
            created <= 200                          | a,b
            start_time = 9007199254740993           | d
            start_time = 9007199254740992           | ~~
            start_time > 9007199254740992.0         | d
            end_time < 1000                         | a,c
            end_time != 200                         | c
            NOT end_time = 200                      | b,c,d
            metrics.loss < 1 OR params.lr = '0.1'   | a,b,c
            metrics.loss < 1 AND params.lr = '0.1'  | b
            NOT (metrics.loss < 1 OR params.lr = '0.1') | d
            (params.opt ILIKE 'adam' OR tags.city = 'évora') AND NOT has_model = true | b,c
            """)
    void matches(String filter, String expected) {
        assertEquals(expected == null ? "" : expected, matching(filter));
    }
}
