package io.jruns.store;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.RunStatus;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A store that takes only log batches (the REST store) gets a round's columns back as
 * points of one batch per run, in logging order, through the same calls as before.
 */
class LogRoundDefaultTest {
    /** What reached the store: "batches" or "round" calls, with their batches. */
    record Call(String kind, List<LogBatch> batches) {
    }

    private static Store recording(List<Call> calls) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().equals("logBatches") && args.length == 2) {
                calls.add(new Call("batches", (List<LogBatch>) args[0]));
                return List.<JrunsException>of();
            }
            if (method.getName().equals("logBatches") && args.length == 4) {
                calls.add(new Call("round", (List<LogBatch>) args[1]));
                return List.<JrunsException>of();
            }
            if (method.isDefault()) return InvocationHandler.invokeDefault(proxy, method, args);
            throw new UnsupportedOperationException(method.getName());
        };
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[]{Store.class}, h);
    }

    private static MetricColumns columns(String run, String key, double... values) {
        MetricColumns c = new MetricColumns(run, key, 1);
        for (int i = 0; i < values.length; i++) c.add(values[i], 100 + i, i);
        return c;
    }

    @Test
    void columnsBecomePointsOfOneBatchPerRun() {
        List<Call> calls = new ArrayList<>();
        Store store = recording(calls);
        LogBatch params = new LogBatch("r1", List.of(new Metric("x", 9, 1, 0)), List.of(new Param("p", "v")), List.of());
        store.logRound(List.of(), List.of(params), List.of(columns("r1", "a", 1, 2), columns("r2", "b", 3),
                columns("r1", "c", 4)), List.of(), true);
        assertEquals(1, calls.size());
        assertEquals("batches", calls.get(0).kind(), "no starts or ends: the plain batches call, as before");
        List<LogBatch> got = calls.get(0).batches();
        assertEquals(2, got.size());
        assertEquals(new LogBatch("r1", List.of(new Metric("x", 9, 1, 0), new Metric("a", 1, 100, 0),
                new Metric("a", 2, 101, 1), new Metric("c", 4, 100, 0)), List.of(new Param("p", "v")), List.of()), got.get(0));
        assertEquals(new LogBatch("r2", List.of(new Metric("b", 3, 100, 0)), List.of(), List.of()), got.get(1));

        store.logRound(List.of(), List.of(), List.of(columns("r1", "a", 5)), List.of(new RunEnd("r1", RunStatus.FINISHED, 9)),
                false);
        assertEquals("round", calls.get(1).kind(), "with an end: the round call, as before");
        assertEquals(List.of(new LogBatch("r1", List.of(new Metric("a", 5, 100, 0)), List.of(), List.of())),
                calls.get(1).batches());
    }
}
