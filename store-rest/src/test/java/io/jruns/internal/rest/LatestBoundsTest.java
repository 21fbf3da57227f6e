package io.jruns.internal.rest;

import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunData;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.LifecycleStage;
import io.jruns.search.FilterParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatestBoundsTest {
    /** A run whose latest loss is 0.5 (its history unknown) and whose param opt is adam. */
    static final Run RUN = new Run(new RunInfo("r1", "1", "r", "u", RunStatus.FINISHED, 1, 2L, LifecycleStage.ACTIVE, null, "/a"),
            new RunData(Map.of("loss", MetricSummary.of(new Metric("loss", 0.5, 1, 3))), Map.of("opt", "adam"), Map.of()));

    @ParameterizedTest(name = "[{0}] settled: {1}")
    @CsvSource(delimiter = '|', value = {
            "MAX(metrics.loss) >= 0.4                      | true",   // MAX >= latest >= 0.4
            "MAX(metrics.loss) >= 0.6                      | false",  // an earlier point may be higher
            "MAX(metrics.loss) < 0.4                       | true",   // MAX >= latest > 0.4: false whatever came before
            "MAX(metrics.loss) < 0.6                       | false",
            "MIN(metrics.loss) <= 0.5                      | true",
            "MIN(metrics.loss) <= 0.4                      | false",
            "MIN(metrics.loss) > 0.6                       | true",
            "MIN(metrics.loss) > 0.4                       | false",
            "MIN(metrics.loss) = 0.5                       | false",
            "MIN(metrics.loss) != 0.5                      | false",
            "MAX(metrics.gone) > 1                         | true",   // no points: no history either
            "MAX(metrics.loss) >= 0.6 AND params.opt = 'x' | true",   // the other term is false
            "MAX(metrics.loss) >= 0.6 AND params.opt = 'adam' | false",
            "MAX(metrics.loss) >= 0.4 AND params.opt = 'adam' | true",
            "MAX(metrics.loss) >= 0.4 OR params.opt = 'x'  | false",  // OR is not looked into
            "NOT MAX(metrics.loss) >= 0.4                  | false",
            "params.opt = 'adam'                           | true",
    })
    void aLatestValueSettlesOnlyTheSafeSide(String filter, boolean settled) {
        assertEquals(settled, LatestBounds.settles(FilterParser.parse(filter).orElseThrow(), RUN));
    }
}
