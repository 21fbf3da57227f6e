package io.jruns.internal.manage;

import io.jruns.store.CsvTable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands a store's CSV rows to a formatting thread in batches, so the store reads the next
 * runs while the last ones are formatted (the two take about as long). The store reuses its
 * arrays, so each row is copied. A bounded queue keeps memory flat; a failure on either side
 * stops both.
 */
final class CsvPipe implements CsvTable, AutoCloseable {
    private static final int BATCH = 500;
    private static final List<Object[]> END = List.of();

    private final CsvTable target;
    private final BlockingQueue<List<Object[]>> queue = new ArrayBlockingQueue<>(8);
    private final Thread worker;
    private volatile RuntimeException failure;
    private List<Object[]> batch = new ArrayList<>(BATCH);
    private boolean headerSent;
    private boolean ended;

    CsvPipe(CsvTable target) {
        this.target = target;
        this.worker = new Thread(this::drain, "jruns-csv-writer");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void header(List<String> paramKeys, List<String> metricKeys) {
        headerSent = true;
        add(new Object[]{List.copyOf(paramKeys), List.copyOf(metricKeys)});
    }

    @Override
    public void row(String[] fixed, String[] params, double[] metrics, boolean[] hasMetric) {
        add(new Object[]{fixed.clone(), params.clone(), metrics.clone(), hasMetric.clone()});
    }

    /** Waits until every row is written; rethrows what went wrong on the writing side. */
    void finish() {
        if (!headerSent) header(List.of(), List.of());
        flushBatch();
        put(END);
        ended = true;
        join();
        if (failure != null) throw failure;
    }

    @Override
    public void close() {
        if (ended) return;
        ended = true;
        worker.interrupt(); // the reading side failed: stop writing
        join();
    }

    private void add(Object[] item) {
        batch.add(item);
        if (batch.size() == BATCH) flushBatch();
    }

    private void flushBatch() {
        if (batch.isEmpty()) return;
        put(batch);
        batch = new ArrayList<>(BATCH);
    }

    private void put(List<Object[]> items) {
        try {
            while (!queue.offer(items, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (failure != null) throw failure;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while exporting CSV", e);
        }
        if (failure != null) throw failure;
    }

    @SuppressWarnings("unchecked")
    private void drain() {
        try {
            for (List<Object[]> items = queue.take(); items != END; items = queue.take()) {
                for (Object[] i : items) {
                    if (i.length == 2) target.header((List<String>) i[0], (List<String>) i[1]);
                    else target.row((String[]) i[0], (String[]) i[1], (double[]) i[2], (boolean[]) i[3]);
                }
            }
        } catch (InterruptedException e) {
            // closed after a failure on the reading side
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("CSV writing failed: " + e, e);
        }
    }

    private void join() {
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
