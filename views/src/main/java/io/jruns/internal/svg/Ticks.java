package io.jruns.internal.svg;

import java.util.ArrayList;
import java.util.List;

/** "Nice" tick values (1, 2 or 5 times a power of ten) covering a range. */
public final class Ticks {
    private Ticks() {
    }

    /** About {@code count} ticks within [lo, hi]; a zero-width range gets one tick. */
    public static List<Double> of(double lo, double hi, int count) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo)) {
            out.add(lo);
            return out;
        }
        double step = niceStep((hi - lo) / Math.max(1, count));
        double first = Math.ceil(lo / step - 1e-9) * step;
        double scale = Math.pow(10, Math.max(0, 1 - Math.floor(Math.log10(step)))); // rounds 0.6000000000000001 to 0.6
        for (int i = 0; i < 50; i++) {
            double t = Math.round((first + i * step) * scale) / scale;
            if (t > hi + step * 1e-9) break;
            out.add(t == 0 ? 0.0 : t);
        }
        return out;
    }

    /** Ticks for a logarithmic range: the powers of ten, with 2 and 5 between them over few decades. */
    public static List<Double> log(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        int first = (int) Math.floor(Math.log10(lo));
        int last = (int) Math.ceil(Math.log10(hi));
        double[] mantissas = last - first <= 2 ? new double[]{1, 2, 5} : new double[]{1};
        int every = Math.max(1, (int) Math.ceil((last - first + 1) / 7.0));
        for (int e = first; e <= last; e += every) {
            for (double m : mantissas) {
                double t = m * Math.pow(10, e);
                if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) out.add(t);
            }
        }
        if (out.isEmpty()) out.add(lo);
        return out;
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        double nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return nice * p;
    }
}
