package io.jruns.internal.svg;

import java.util.Locale;

/** Short number labels for ticks, legends and tooltips. */
public final class Num {
    private Num() {
    }

    public static String label(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e7) return Long.toString((long) v);
        if (a >= 1e-3 && a < 1e7) {
            String s = String.format(Locale.ROOT, "%.4g", v);
            if (s.contains("e")) return s;
            return s.contains(".") ? s.replaceFirst("0+$", "").replaceFirst("\\.$", "") : s;
        }
        String[] parts = String.format(Locale.ROOT, "%.2e", v).split("e");
        String mantissa = parts[0].replaceFirst("0+$", "").replaceFirst("\\.$", "");
        return mantissa + "e" + Integer.parseInt(parts[1]);
    }
}
