package io.jruns.internal.writer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The writer's primitive queue: every point and operation comes out once, in each caller's order. */
class OpQueueTest {
    @Test
    void nothingWaitingTimesOut() throws Exception {
        assertNull(new OpQueue(4).take(10, TimeUnit.MILLISECONDS));
    }

    @Test
    void pointsAndOperationsComeOutInQueueOrder() throws Exception {
        OpQueue q = new OpQueue(8);
        Op flush = new Op.FlushOp(new CompletableFuture<>(), true);
        q.putMetric("r", "a", 1.5, 10, 0);
        q.put(flush);
        q.putMetric("r", "b", -2, 11, 1);
        assertEquals(3, q.size());
        OpQueue.Slots s = q.take(1, TimeUnit.SECONDS);
        assertEquals(0, q.size(), "the buffer went to the writer whole");
        assertEquals(3, s.size);
        assertEquals("a", s.keys[0]);
        assertEquals(1.5, s.values[0]);
        assertEquals(10, s.timestamps[0]);
        assertSame(flush, s.op(1));
        assertEquals("r", s.runId(2));
        assertEquals(1, s.steps[2]);
        q.recycle(s);
        assertNull(s.refs[1], "no reference kept to a written operation");
    }

    @Test
    void concurrentCallersLoseNothingAndKeepTheirOrderAcrossBufferSwaps() throws Exception {
        OpQueue q = new OpQueue(64);
        int callers = 4;
        int each = 50_000;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < callers; t++) {
            String run = "run" + t;
            Thread th = new Thread(() -> {
                try {
                    for (int i = 0; i < each; i++) {
                        if (i % 2 == 0) q.putMetric(run, "k", i, i, i);
                        else q.put(new Op.TagOp(run, "k", String.valueOf(i)));
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(th);
            th.start();
        }
        Map<String, Long> next = new HashMap<>();
        long seen = 0;
        while (seen < (long) callers * each) {
            OpQueue.Slots s = q.take(5, TimeUnit.SECONDS);
            for (int i = 0; i < s.size; i++) {
                String run = s.isMetric(i) ? s.runId(i) : ((Op.TagOp) s.op(i)).runId();
                long got = s.isMetric(i) ? s.steps[i] : Long.parseLong(((Op.TagOp) s.op(i)).value());
                long expected = next.getOrDefault(run, 0L);
                assertEquals(expected, got, "order of " + run);
                next.put(run, expected + 1);
            }
            seen += s.size;
            q.recycle(s);
        }
        for (Thread th : threads) th.join(5_000);
        assertEquals(0, q.size());
    }
}
