package io.jruns.transfer;

import io.jruns.domain.Metric;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Metric histories read while listing runs (for their summaries), kept until the import
 * asks for them once, so that each metric file is read once instead of twice. At most
 * {@link #POINTS} points are kept (about 25 MB); beyond that a history is read again.
 */
final class MlrunsHistories {
    static final long POINTS = 500_000;

    private final Map<Path, List<Metric>> kept = new ConcurrentHashMap<>();
    private final AtomicLong held = new AtomicLong();

    /** Reads the file, keeping its points while there is room. */
    List<Metric> read(Path file, String key) {
        List<Metric> h = MlrunsFiles.readMetric(file, key);
        if (held.addAndGet(h.size()) <= POINTS) kept.put(file, h);
        else held.addAndGet(-h.size());
        return h;
    }

    /** The points kept of the file, given up now, or read again. */
    List<Metric> take(Path file, String key) {
        List<Metric> h = kept.remove(file);
        if (h == null) return MlrunsFiles.readMetric(file, key);
        held.addAndGet(-h.size());
        return h;
    }
}
