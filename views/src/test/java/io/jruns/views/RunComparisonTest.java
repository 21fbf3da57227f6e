package io.jruns.views;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jruns.views.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunComparisonTest {
    static final String HOSTILE = "<img src=x onerror=alert(1)>";
    final Run a = run("a", Map.of("lr", "0.1", "opt", "adam", "epochs", "10"), Map.of("rmse", 0.5, "r2", 0.9), Map.of());
    final Run b = run("b", Map.of("lr", "0.01", "opt", "sgd", "epochs", "10"), Map.of("rmse", 0.7, "r2", 0.9), Map.of());
    final Run c = run(HOSTILE, Map.of("lr", "0.001", "epochs", "10", "note", HOSTILE), Map.of("rmse", Double.NaN), Map.of());
    final RunComparison cmp = RunComparison.of(List.of(a, b, c), id -> "exp " + id, (id, key) -> List.of());

    @Test
    void axesAreCommaSeparatedOrRepeatedInOrderWithoutBlanksOrRepeats() {
        assertEquals(List.of("params.lr", "rmse", "opt"), RunComparison.axes(List.of(" params.lr, rmse,,", "opt", "rmse")));
        assertEquals(List.of(), RunComparison.axes(List.of()));
    }

    @Test
    void paramsAndMetricsAreOneRowPerKeyAndOneColumnPerRun() {
        Table p = cmp.params();
        assertEquals(List.of("param", "a", "b", HOSTILE), p.columnNames());
        assertEquals(List.of("epochs", "lr", "note", "opt"), p.stringColumn("param").asList());
        assertEquals("0.01", p.stringColumn("b").get(1));
        assertTrue(p.column("a").isMissing(2), "a run without the param has a missing cell");
        Table m = cmp.metrics();
        assertEquals(List.of("r2", "rmse"), m.stringColumn("metric").asList());
        assertEquals(0.7, m.doubleColumn("b").getDouble(1));
    }

    @Test
    void diffOnlyKeepsRowsWhoseValuesDifferCountingMissingAsAValue() {
        assertEquals(List.of("lr", "note", "opt"), cmp.params(true).stringColumn("param").asList());
        // r2 is 0.9 in a and b but missing in c, so it differs; epochs is 10 everywhere
        assertEquals(List.of("r2", "rmse"), cmp.metrics(true).stringColumn("metric").asList());
        RunComparison two = RunComparison.of(List.of(a, b), id -> id, (id, k) -> List.of());
        assertEquals(List.of("rmse"), two.metrics(true).stringColumn("metric").asList());
    }

    @Test
    void detailsHaveAFieldColumnAndOneColumnPerRun() {
        Table d = cmp.details();
        assertEquals(4, d.columnCount());
        assertEquals("Run ID", d.stringColumn("field").get(0));
        assertEquals(a.runId(), d.stringColumn("a").get(0));
        assertEquals("exp 1", d.stringColumn("a").get(d.stringColumn("field").asList().indexOf("Experiment")));
    }

    @Test
    void labelsAreUniqueWhenNamesRepeatOrClashWithTheKeyColumn() {
        Run x1 = run("x", Map.of(), Map.of(), Map.of());
        Run x2 = run("X", Map.of(), Map.of(), Map.of());
        Run p = run("param", Map.of(), Map.of(), Map.of());
        List<String> labels = RunComparison.of(List.of(x1, x2, p), id -> id, (id, k) -> List.of()).labels();
        assertEquals("x (" + x1.runId().substring(0, 8) + ")", labels.get(0));
        assertEquals("X (" + x2.runId().substring(0, 8) + ")", labels.get(1));
        assertEquals("param (" + p.runId().substring(0, 8) + ")", labels.get(2));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rmse          | METRIC | rmse",
            "metrics.rmse  | METRIC | rmse",
            "params.lr     | PARAM  | lr",
            "lr            | PARAM  | lr",
            "param.opt     | PARAM  | opt",
    })
    void keysResolveByPrefixOrBareName(String text, Key.Kind kind, String name) {
        assertEquals(new Key(kind, name), cmp.key(text));
    }

    @Test
    void unknownKeysAndWrongKindsAreOneLineErrors() {
        JrunsException e = assertThrows(JrunsException.class, () -> cmp.key("nope"));
        assertEquals("no compared run has a param or metric 'nope' (params: epochs, lr, note, opt; metrics: r2, rmse)", e.getMessage());
        e = assertThrows(JrunsException.class, () -> cmp.history("lr"));
        assertTrue(e.getMessage().startsWith("'lr' is a param, not a metric"), e.getMessage());
        e = assertThrows(JrunsException.class, () -> cmp.contour("opt", "lr", "rmse"));
        assertEquals("a contour's x must be numeric, but param 'opt' has the value 'adam'", e.getMessage());
        assertThrows(JrunsException.class, () -> RunComparison.of(List.of(), id -> id, (id, k) -> List.of()));
    }

    @Test
    void defaultAxesAreTheParamsThatVaryAndTheColourIsAVaryingMetric() {
        assertEquals(List.of(Key.param("lr"), Key.param("opt")), cmp.defaultAxes(), "note has one value where set: it does not vary");
        assertEquals(Key.metric("rmse"), cmp.defaultMetric(), "r2 is 0.9 wherever it was logged");
        assertFalse(cmp.varies(Key.param("epochs")));
    }

    @Test
    void historyAsksForEachRunsPointsAndDrawsALinePerRun() {
        List<String> asked = new ArrayList<>();
        Run h1 = run("h1", Map.of(), Map.of("loss", 1.0), Map.of());
        Run h2 = run("h2", Map.of(), Map.of("loss", 2.0), Map.of());
        Run none = run("none", Map.of(), Map.of("acc", 1.0), Map.of());
        RunComparison hc = RunComparison.of(List.of(h1, h2, none), id -> id, (id, key) -> {
            asked.add(id + "/" + key);
            List<Metric> points = new ArrayList<>();
            for (int s = 0; s < 5; s++) points.add(new Metric(key, 5 - s, s, s));
            return points;
        });
        String svg = hc.history("loss");
        assertEquals(List.of(h1.runId() + "/loss", h2.runId() + "/loss"), asked, "runs without the metric are not read");
        assertEquals(2, SvgDocs.count(svg, "path"));
    }
}
