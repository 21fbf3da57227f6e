package io.jruns.internal.writer;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The writer's bounded queue, as two buffers of slots in parallel arrays: a metric point
 * takes a slot of primitives and two references (the caller's own strings), so logging one
 * allocates nothing; other operations take a slot holding their {@link Op}. The writer takes
 * the whole filled buffer at once and leaves the empty one in its place, so callers go on
 * filling while it writes; when the buffer being filled is full, callers wait (backpressure).
 */
final class OpQueue {
    /** One buffer. Slot i is a metric point when {@code keys[i] != null}, else {@code refs[i]} is an Op. */
    static final class Slots {
        final Object[] refs;
        final String[] keys;
        final double[] values;
        final long[] timestamps;
        final long[] steps;
        /** The writer's scratch while grouping: slot i's column (see Batches). */
        final int[] column;
        int size;

        Slots(int capacity) {
            refs = new Object[capacity];
            keys = new String[capacity];
            values = new double[capacity];
            timestamps = new long[capacity];
            steps = new long[capacity];
            column = new int[capacity];
        }

        boolean isMetric(int i) {
            return keys[i] != null;
        }

        Op op(int i) {
            return (Op) refs[i];
        }

        String runId(int i) {
            return (String) refs[i];
        }

        /** Drops the references (operations hold futures) before the buffer is filled again. */
        void clear() {
            Arrays.fill(refs, 0, size, null);
            Arrays.fill(keys, 0, size, null);
            size = 0;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private Slots filling;
    /** The other buffer; null while the writer holds it. */
    private Slots spare;

    OpQueue(int capacity) {
        filling = new Slots(capacity);
        spare = new Slots(capacity);
    }

    void putMetric(String runId, String key, double value, long timestamp, long step) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            int i = freeSlot(); // first: it may wait, and the writer swap the buffers meanwhile
            Slots s = filling;
            s.refs[i] = runId;
            s.keys[i] = key;
            s.values[i] = value;
            s.timestamps[i] = timestamp;
            s.steps[i] = step;
        } finally {
            lock.unlock();
        }
    }

    void put(Op op) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            int i = freeSlot(); // first: it may wait, and the writer swap the buffers meanwhile
            filling.refs[i] = op;
        } finally {
            lock.unlock();
        }
    }

    /** Claims the next slot of the buffer being filled, waiting while it is full; the lock is held. */
    private int freeSlot() throws InterruptedException {
        while (filling.size == filling.keys.length) notFull.await();
        int i = filling.size++;
        if (i == 0) notEmpty.signal(); // the writer waits only on an empty buffer
        return i;
    }

    /**
     * Waits up to {@code timeout} for anything queued, then takes the whole buffer (null when
     * nothing came). The writer gives it back with {@link #recycle} before taking again.
     */
    Slots take(long timeout, TimeUnit unit) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long nanos = unit.toNanos(timeout);
            while (filling.size == 0) {
                if (nanos <= 0) return null;
                nanos = notEmpty.awaitNanos(nanos);
            }
            if (spare == null) throw new IllegalStateException("take before the last buffer came back");
            Slots full = filling;
            filling = spare;
            spare = null;
            notFull.signalAll();
            return full;
        } finally {
            lock.unlock();
        }
    }

    void recycle(Slots slots) {
        slots.clear();
        lock.lock();
        try {
            spare = slots;
        } finally {
            lock.unlock();
        }
    }

    /** Operations waiting (not those the writer has taken). */
    int size() {
        lock.lock();
        try {
            return filling.size;
        } finally {
            lock.unlock();
        }
    }

    /** Each waiting operation other than a metric point, in queue order. */
    void forEachOp(Consumer<Op> action) {
        lock.lock();
        try {
            for (int i = 0; i < filling.size; i++) if (!filling.isMetric(i)) action.accept(filling.op(i));
        } finally {
            lock.unlock();
        }
    }
}
