package io.jruns.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultTableTest {

    @Test
    void rendersAlignedColumnsWithVerdicts() {
        ResultTable t = new ResultTable();
        t.row("B1", "1,000", "10", "100.00x", ">= 1", true);
        t.row("B1 spread", "1 .. 2", "3 .. 4", "", "", null);
        String[] lines = t.render().split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].startsWith("benchmark | "), lines[0]);
        assertTrue(lines[1].matches("-+"), lines[1]);
        assertTrue(lines[2].endsWith("| PASS"), lines[2]);
        assertEquals(separators(lines[0]), separators(lines[2]));
        assertEquals(separators(lines[0]), separators(lines[3]).substring(0, separators(lines[0]).length()));
        assertTrue(t.allPass());
    }

    /** Where the column separators sit, so misaligned columns show up as a different string. */
    private static String separators(String line) {
        return line.replaceAll("[^|]", " ").stripTrailing();
    }

    @Test
    void aMissedTargetIsReportedNotAFailure() {
        ResultTable t = new ResultTable();
        t.row("B1", "1", "1", "1.00x", "x", true);
        t.row("B4 CSV", "2,000 ms", "", "", "<= 1,500 ms", false);
        assertTrue(t.render().lines().anyMatch(l -> l.startsWith("B4 CSV") && l.endsWith("| MISSED")), t.render());
        assertFalse(t.allPass());
        assertFalse(t.failed());
    }

    @Test
    void aFailedBenchmarkFailsTheWholeRun() {
        ResultTable t = new ResultTable();
        t.row("B1", "1", "1", "1.00x", "x", true);
        t.fail("B2", "child JVM failed, exit 1");
        assertFalse(t.allPass());
        assertTrue(t.failed());
        assertTrue(t.render().contains("child JVM failed, exit 1"));
        assertTrue(t.render().stripTrailing().endsWith("| FAIL"), t.render());
    }
}
