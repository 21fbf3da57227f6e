package io.jruns.bench.b1;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Watches the heap during a phase, three ways: used heap sampled every few milliseconds on a
 * daemon thread; the heap pools' own peak counters summed (an upper bound, as pools peak at
 * different moments); and the heap left after each GC (the live set), from GC notifications.
 */
final class HeapSampler {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong sampledPeak = new AtomicLong();
    private final AtomicLong afterGcPeak = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();

    /** What one phase used, in bytes. */
    record Peaks(long sampled, long poolPeakSum, long afterGc, long samples, long gcCount, long gcMillis) {
    }

    private long gcCountAtReset;
    private long gcMillisAtReset;

    HeapSampler(long periodMillis) {
        Thread t = new Thread(() -> sampleEvery(periodMillis), "heap-sampler");
        t.setDaemon(true);
        t.start();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) emitter.addNotificationListener((n, hb) -> {
                if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long live = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> heapPoolNames.contains(e.getKey()))
                        .mapToLong(e -> e.getValue().getUsed()).sum();
                afterGcPeak.accumulateAndGet(live, Math::max);
            }, null, null);
        }
    }

    private void sampleEvery(long periodMillis) {
        while (true) {
            sampledPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            samples.incrementAndGet();
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Starts a new phase. */
    void reset() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        sampledPeak.set(memory.getHeapMemoryUsage().getUsed());
        afterGcPeak.set(0);
        samples.set(0);
        gcCountAtReset = gcCount();
        gcMillisAtReset = gcMillis();
    }

    /** The peaks since {@link #reset()}. */
    Peaks peaks() {
        sampledPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        long poolSum = heapPools.stream().map(MemoryPoolMXBean::getPeakUsage).mapToLong(MemoryUsage::getUsed).sum();
        return new Peaks(sampledPeak.get(), poolSum, afterGcPeak.get(), samples.get(),
                gcCount() - gcCountAtReset, gcMillis() - gcMillisAtReset);
    }

    long maxHeap() {
        return memory.getHeapMemoryUsage().getMax();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
