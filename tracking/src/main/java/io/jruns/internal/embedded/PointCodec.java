package io.jruns.internal.embedded;

import io.jruns.domain.Metric;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Packs metric points for one key into a blob: per point the step, the timestamp and the
 * raw IEEE-754 bits of the value, 24 bytes. Raw bits keep NaN and the infinities exact,
 * which SQLite's REAL cannot (it stores NaN as NULL).
 */
final class PointCodec {
    static final int POINT_BYTES = 24;

    private PointCodec() {
    }

    static byte[] encode(long[] steps, long[] timestamps, double[] values, int from, int to) {
        ByteBuffer buf = ByteBuffer.allocate((to - from) * POINT_BYTES);
        for (int i = from; i < to; i++) {
            buf.putLong(steps[i]).putLong(timestamps[i]).putLong(Double.doubleToRawLongBits(values[i]));
        }
        return buf.array();
    }

    static void decode(String key, byte[] blob, List<Metric> into) {
        ByteBuffer buf = ByteBuffer.wrap(blob);
        while (buf.remaining() >= POINT_BYTES) {
            long step = buf.getLong();
            long ts = buf.getLong();
            double value = Double.longBitsToDouble(buf.getLong());
            into.add(new Metric(key, value, ts, step));
        }
    }
}
