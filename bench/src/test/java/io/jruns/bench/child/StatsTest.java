package io.jruns.bench.child;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StatsTest {

    @ParameterizedTest(name = "{0} -> median {1}")
    @CsvSource(delimiter = ';', value = {
            "5;                5",
            "3 1 2;            2",
            "4 1 3 2;          2.5",
            "10 10 10 1000;    10",
    })
    void medianOfOddAndEvenSamples(String sample, double median) {
        long[] values = java.util.Arrays.stream(sample.trim().split(" +")).mapToLong(Long::parseLong).toArray();
        assertEquals(median, Stats.of(values).median());
    }

    @Test
    void percentilesUseNearestRank() {
        Stats s = Stats.of(LongStream.rangeClosed(1, 1000).toArray());
        assertEquals(1, s.min());
        assertEquals(900, s.p90());
        assertEquals(990, s.p99());
        assertEquals(1000, s.max());
        assertEquals(1000, s.n());
    }

    @Test
    void inputOrderDoesNotMatterAndIsNotChanged() {
        double[] sample = {9, 1, 5};
        assertEquals(5, Stats.of(sample).median());
        assertEquals(9, sample[0]);
    }

    @Test
    void emptySampleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Stats.of(new long[0]));
    }
}
