package io.jruns.internal.ui.api;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Metric;
import io.jruns.domain.ViewType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PagingTest {
    @Test
    void tokensRoundTripAndStrangersAreRefused() {
        assertEquals(0, Paging.offset(null));
        assertEquals(1234, Paging.offset(Paging.token(1234)));
        for (String bad : List.of("nope", "eyJvZmZzZXQiOiAxfQ==", Paging.token(1).substring(1))) {
            assertThrows(JrunsException.class, () -> Paging.offset(bad), bad);
        }
        assertEquals(ViewType.ALL, Paging.view("all", "view_type"));
        assertEquals(ViewType.ACTIVE_ONLY, Paging.view(null, "view_type"));
        assertThrows(JrunsException.class, () -> Paging.view("SOME", "view_type"));
    }

    @Test
    void bulkIntervalSamplingKeepsTheEndsAndSpreadsEvenly() {
        List<Metric> points = new ArrayList<>();
        for (int s = 0; s <= 100; s++) points.add(new Metric("m", s, 0, s));
        List<Metric> five = MetricEndpoints.sample(points, 5);
        assertEquals(List.of(0L, 25L, 50L, 75L, 100L), five.stream().map(Metric::step).toList());
        assertEquals(points, MetricEndpoints.sample(points, 1000));
        assertEquals(List.of(100L), MetricEndpoints.sample(points, 1).stream().map(Metric::step).toList());
    }
}
