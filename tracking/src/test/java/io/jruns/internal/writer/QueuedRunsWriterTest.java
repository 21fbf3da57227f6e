package io.jruns.internal.writer;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.ViewType;
import io.jruns.internal.embedded.EmbeddedStore;
import io.jruns.store.RunStart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs started and ended through the writer: grouped into few transactions, kept through outages. */
class QueuedRunsWriterTest {
    private static final int RUNS = 200;

    @TempDir
    Path dir;
    ForwardingStore store;
    AsyncWriter writer;

    @BeforeEach
    void open() {
        store = new ForwardingStore(EmbeddedStore.inHome(dir));
    }

    @AfterEach
    void close() {
        store.hook(batches -> { });
        if (writer != null) writer.close();
        store.close();
    }

    /** Queues a run's start, 20 metrics, 20 params, 5 tags and its end; returns its id. */
    private String queueRun(int i) {
        RunStart s = store.planRun("0", "u", 1000 + i, "run-" + i, List.of()).orElseThrow();
        String id = s.info().runId();
        writer.start(s);
        for (int k = 0; k < 20; k++) writer.metric(id, "m" + k, i + k, 2000 + i, 0);
        for (int k = 0; k < 20; k++) writer.param(id, "p" + k, "v" + i);
        for (int k = 0; k < 5; k++) writer.tag(id, "t" + k, "w" + i);
        writer.end(id, RunStatus.FINISHED, 3000 + i);
        return id;
    }

    private void assertRun(String id, int i) {
        Run r = store.getRun(id).orElseThrow();
        assertEquals(RunStatus.FINISHED, r.info().status());
        assertEquals(3000L + i, r.info().endTime());
        assertEquals("run-" + i, r.info().runName());
        assertEquals(20, r.data().params().size());
        assertEquals("v" + i, r.data().params().get("p19"));
        assertEquals("w" + i, r.data().tags().get("t4"));
        assertEquals(20, r.data().metrics().size());
        assertEquals(i + 19, r.data().metrics().get("m19").latest());
        assertEquals(1, r.data().metrics().get("m19").count());
        assertEquals(1, store.getMetricHistory(id, "m0").size());
    }

    @Test
    void runsQueuedTogetherShareOneTransaction() {
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger writes = new AtomicInteger();
        store.hook(batches -> {
            writes.incrementAndGet();
            gate.await(); // the first round waits, so everything after it piles up into the next
        });
        writer = new AsyncWriter(store);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) ids.add(queueRun(i));
        gate.countDown();
        writer.flush();
        assertTrue(writes.get() <= 3, RUNS + " runs took " + writes.get() + " transactions");
        for (int i = 0; i < RUNS; i++) assertRun(ids.get(i), i);
        assertEquals(RUNS, store.listRuns(List.of("0"), ViewType.ALL, 1000).size());
    }

    @Test
    void anOutageLosesAndRepeatsNoRun() {
        AtomicInteger calls = new AtomicInteger();
        store.hook(batches -> {
            if (calls.incrementAndGet() <= 3) throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "disk unavailable (simulated)");
        });
        writer = new AsyncWriter(store);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) ids.add(queueRun(i));
        for (int attempt = 0; ; attempt++) {
            try {
                writer.flush();
                break;
            } catch (JrunsException e) {
                assertTrue(e.getMessage().contains("disk unavailable") && e.getMessage().contains("retrying"), e.getMessage());
                assertTrue(attempt < 10, "still failing after " + attempt + " flushes");
            }
        }
        assertTrue(calls.get() >= 4, "retried: " + calls.get());
        for (int i = 0; i < 50; i++) assertRun(ids.get(i), i);
        assertEquals(50, store.listRuns(List.of("0"), ViewType.ALL, 1000).size(), "each run written once");
    }

    @Test
    void valuesAcrossRoundsMergeIntoTheSummary() {
        writer = new AsyncWriter(store);
        RunStart s = store.planRun("0", "u", 1, "r", List.of()).orElseThrow();
        String id = s.info().runId();
        writer.start(s);
        writer.metric(id, "m", 3, 10, 0);
        writer.metric(id, "m", 1, 11, 1); // same round as the start: summed up in memory
        writer.flush();
        writer.metric(id, "m", 7, 12, 2); // a later round: merged with the stored summary
        writer.end(id, RunStatus.FAILED, 20);
        writer.flush();
        Run r = store.getRun(id).orElseThrow();
        assertEquals(RunStatus.FAILED, r.info().status());
        var m = r.data().metrics().get("m");
        assertEquals(3, m.count());
        assertEquals(1, m.min());
        assertEquals(7, m.max());
        assertEquals(7, m.latest());
        assertEquals(List.of(0L, 1L, 2L), store.getMetricHistory(id, "m").stream().map(x -> x.step()).toList());
    }

    @Test
    void theEndOfARunThatIsNotThereIsReportedByTheNextFlush() {
        writer = new AsyncWriter(store);
        writer.end("0123456789abcdef0123456789abcdef", RunStatus.FINISHED, 5);
        JrunsException e = org.junit.jupiter.api.Assertions.assertThrows(JrunsException.class, writer::flush);
        assertEquals(JrunsException.Code.RESOURCE_DOES_NOT_EXIST, e.code());
        assertTrue(e.getMessage().contains("0123456789abcdef0123456789abcdef"), e.getMessage());
        writer.flush(); // reported once
    }
}
