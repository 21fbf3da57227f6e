package io.jruns.internal.writer;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunTag;
import io.jruns.internal.embedded.EmbeddedStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AsyncWriterTest {
    @TempDir
    Path dir;
    ForwardingStore store;
    AsyncWriter writer;
    String run;

    @BeforeEach
    void open() {
        store = new ForwardingStore(EmbeddedStore.inHome(dir));
        run = store.createRun("0", "u", 1, "r", List.of()).runId();
    }

    @AfterEach
    void close() {
        store.hook(batches -> { });
        if (writer != null) writer.close();
        store.close();
    }

    @Test
    void flushMakesEverythingVisibleToAnotherConnection() {
        writer = new AsyncWriter(store);
        for (int i = 0; i < 30_000; i++) writer.metric(run, "k" + (i % 3), i, 1000 + i, i / 3);
        writer.param(run, "p", "v");
        writer.tag(run, "t", "w");
        writer.flush();
        assertEquals(0, writer.pending());
        try (EmbeddedStore other = EmbeddedStore.inHome(dir)) {
            Run r = other.getRun(run).orElseThrow();
            assertEquals("v", r.data().params().get("p"));
            assertEquals("w", r.data().tags().get("t"));
            for (int k = 0; k < 3; k++) {
                List<Metric> h = other.getMetricHistory(run, "k" + k);
                assertEquals(10_000, h.size());
                for (int j = 0; j < h.size(); j++) assertEquals(j * 3 + k, h.get(j).value());
                assertEquals(10_000, r.data().metrics().get("k" + k).count());
            }
        }
    }

    @Test
    void tagSetsOfARunReachTheStoreInOrder() {
        Map<String, List<String>> seen = new ConcurrentHashMap<>();
        store.hook(batches -> {
            for (LogBatch b : batches) {
                for (RunTag t : b.tags()) seen.computeIfAbsent(b.runId(), r -> new ArrayList<>()).add(t.value());
            }
            Thread.sleep(1); // rounds of varied size
        });
        writer = new AsyncWriter(store, 64);
        String other = store.createRun("0", "u", 1, "o", List.of()).runId();
        List<String> sentToRun = new ArrayList<>();
        List<String> sentToOther = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            writer.tag(run, "k", "v" + i);
            writer.tag(other, "k", "other" + i);
            sentToRun.add("v" + i);
            sentToOther.add("other" + i);
        }
        writer.flush();
        assertSameSequence(sentToRun, seen.get(run));
        assertSameSequence(sentToOther, seen.get(other));
        assertEquals("v4999", store.getRun(run).orElseThrow().data().tags().get("k"));
        assertEquals("other4999", store.getRun(other).orElseThrow().data().tags().get("k"));
    }

    private static void assertSameSequence(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            int at = i;
            assertEquals(expected.get(i), actual.get(i), () -> "first difference at " + at);
        }
        assertEquals(expected.size(), actual.size(), "nothing lost or repeated");
    }

    @Test
    void fullQueueMakesCallersWaitInsteadOfGrowing() throws Exception {
        int capacity = 16;
        CountDownLatch gate = new CountDownLatch(1);
        store.hook(batches -> gate.await());
        writer = new AsyncWriter(store, capacity);
        AtomicInteger returned = new AtomicInteger();
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 1000; i++) {
                writer.metric(run, "m", i, 1, i);
                returned.incrementAndGet();
            }
        });
        producer.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (producer.getState() != Thread.State.WAITING && System.nanoTime() < deadline) Thread.sleep(5);
        Thread.sleep(100);
        assertEquals(Thread.State.WAITING, producer.getState(), "the producer waits on the full queue");
        assertEquals(capacity, writer.pending());
        int done = returned.get();
        // At most: one full queue plus what the writer took into its (blocked) round.
        assertTrue(done <= 2 * capacity + 1, "calls returned while the store was blocked: " + done);
        Thread.sleep(200);
        assertEquals(done, returned.get(), "no progress while the store is blocked");

        gate.countDown();
        producer.join(10_000);
        assertFalse(producer.isAlive());
        writer.flush();
        List<Metric> h = store.getMetricHistory(run, "m");
        assertEquals(1000, h.size());
        for (int i = 0; i < 1000; i++) assertEquals(i, h.get(i).step());
    }

    @Test
    void transientFailuresAreRetriedAndNothingIsLostOrDuplicated() {
        AtomicInteger calls = new AtomicInteger();
        store.hook(batches -> {
            if (calls.incrementAndGet() <= 3) {
                throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "disk unavailable (simulated)");
            }
        });
        writer = new AsyncWriter(store);
        for (int i = 0; i < 500; i++) writer.metric(run, "m", i, 1, i);
        writer.param(run, "p", "1");
        int failedFlushes = 0;
        while (true) {
            try {
                writer.flush();
                break;
            } catch (JrunsException e) {
                failedFlushes++;
                assertEquals(JrunsException.Code.INTERNAL_ERROR, e.code());
                assertTrue(e.getMessage().contains("disk unavailable") && e.getMessage().contains("retrying"), e.getMessage());
                assertFalse(e.getMessage().contains("\n"));
                assertTrue(failedFlushes < 10, "still failing after " + failedFlushes + " flushes");
            }
        }
        assertTrue(calls.get() >= 4, "retried: " + calls.get());
        List<Metric> h = store.getMetricHistory(run, "m");
        assertEquals(500, h.size());
        for (int i = 0; i < 500; i++) assertEquals(i, h.get(i).step());
        assertEquals("1", store.getRun(run).orElseThrow().data().params().get("p"));
    }

    @Test
    @org.junit.jupiter.api.Timeout(30) // a writer killed by the Error would make flush() wait forever
    void anErrorInTheWriterIsSurvivedAndRetried() {
        AtomicInteger calls = new AtomicInteger();
        store.hook(batches -> {
            if (calls.incrementAndGet() == 1) throw new OutOfMemoryError("simulated");
        });
        writer = new AsyncWriter(store);
        for (int i = 0; i < 100; i++) writer.metric(run, "m", i, 1, i);
        for (int attempt = 0; ; attempt++) {
            try {
                writer.flush();
                break;
            } catch (JrunsException e) { // the flush may have waited on the failed attempt
                assertTrue(e.getMessage().contains("simulated"), e.getMessage());
                assertTrue(attempt < 5);
            }
        }
        assertTrue(calls.get() >= 2, "the failed write was retried");
        for (int i = 100; i < 200; i++) writer.metric(run, "m", i, 1, i);
        writer.flush();
        assertEquals(200, store.getMetricHistory(run, "m").size());
    }

    @Test
    void flushReportsAnOutageInsteadOfHanging() {
        AtomicBoolean down = new AtomicBoolean(true);
        store.hook(batches -> {
            if (down.get()) throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "store down (simulated)");
        });
        writer = new AsyncWriter(store);
        writer.metric(run, "m", 1, 1, 0);
        JrunsException e = assertTimeoutPreemptively(Duration.ofSeconds(15),
                () -> assertThrows(JrunsException.class, writer::flush));
        assertTrue(e.getMessage().contains("store down"), e.getMessage());
        writer.metric(run, "m", 2, 1, 1);
        JrunsException again = assertTimeoutPreemptively(Duration.ofSeconds(15),
                () -> assertThrows(JrunsException.class, writer::flush), "a second flush during the outage");
        assertTrue(again.getMessage().contains("store down"), again.getMessage());

        assertTrue(again.getMessage().endsWith("(kept in memory; retrying)"), again.getMessage());
        JrunsException atExit = assertThrows(JrunsException.class, () -> writer.flushAtExit(2000));
        assertTrue(atExit.getMessage().contains("store down (simulated); what was logged since the last flush that succeeded"
                + " is lost with this exit"), "no retry after exit, so none is promised: " + atExit.getMessage());

        down.set(false);
        assertTimeoutPreemptively(Duration.ofSeconds(15), () -> writer.flush());
        assertEquals(List.of(1.0, 2.0), store.getMetricHistory(run, "m").stream().map(Metric::value).toList());
    }

    @Test
    void refusedItemsAreReportedByTheNextFlushThenCleared() {
        String gone1 = store.createRun("0", "u", 1, "g1", List.of()).runId();
        String gone2 = store.createRun("0", "u", 1, "g2", List.of()).runId();
        store.deleteRun(gone1);
        store.deleteRun(gone2);
        writer = new AsyncWriter(store);
        writer.metric(gone1, "m", 1, 1, 0);
        writer.param(gone2, "p", "x");
        writer.metric(run, "m", 7, 1, 0);
        JrunsException e = assertThrows(JrunsException.class, writer::flush);
        assertEquals(JrunsException.Code.INVALID_STATE, e.code());
        assertTrue(e.getMessage().contains(gone1) && e.getMessage().contains("deleted"), e.getMessage());
        assertTrue(e.getMessage().contains(gone2), "every problem named on the line: " + e.getMessage());
        assertEquals(1, e.getSuppressed().length, "and kept whole");
        assertEquals(7.0, store.getRun(run).orElseThrow().metric("m").orElseThrow(), "good items still written");
        assertDoesNotThrow(writer::flush, "reported once, then cleared");
        writer.metric(gone1, "m", 1, 1, 0);
        JrunsException single = assertThrows(JrunsException.class, writer::flush);
        assertFalse(single.getMessage().contains("more"), single.getMessage());
        assertTrue(store.getMetricHistory(gone1, "m").isEmpty());
    }

    @Test
    void closeFlushesAndRefusesLaterLogging() {
        writer = new AsyncWriter(store);
        writer.metric(run, "m", 3, 1, 0);
        writer.close();
        assertEquals(1, store.getMetricHistory(run, "m").size());
        JrunsException e = assertThrows(JrunsException.class, () -> writer.metric(run, "m", 4, 1, 1));
        assertEquals(JrunsException.Code.INVALID_STATE, e.code());
        assertDoesNotThrow(writer::close, "closing twice is harmless");
    }
}
