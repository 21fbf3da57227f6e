package io.jruns.bench;

import java.util.Locale;

/** Number formats for the results table. */
final class Fmt {
    private Fmt() {
    }

    static String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2fx", r);
    }

    static String mb(double bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1 << 20));
    }

    static String ns(double nanos) {
        return String.format(Locale.ROOT, "%,.0f ns", nanos);
    }
}
