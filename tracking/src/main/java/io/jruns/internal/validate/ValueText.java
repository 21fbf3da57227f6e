package io.jruns.internal.validate;

import java.math.BigDecimal;

/**
 * The text a param or tag value is stored as. Floating-point numbers read as Python's
 * {@code str(float)} writes them (what MLflow stores for a Python float), not as Java's
 * {@code Double.toString}: 0.0003 is "0.0003" (Java: "3.0E-4"), 30.0 is "30.0", 1e-05 and
 * 1e+16 keep an exponent. The digits are Double.toString's, which read back to the same double
 * and are the shortest but for rare values on Java 17 (JDK-4511638: 4.9E-324, Python 5e-324).
 */
public final class ValueText {
    private ValueText() {
    }

    public static String of(Object value) {
        if (value instanceof Double d) return python(d);
        if (value instanceof Float f) return python(Double.parseDouble(Float.toString(f)));
        return String.valueOf(value);
    }

    static String python(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1; // of the first significant digit
        if (exponent >= -4 && exponent < 16) {
            String plain = shortest.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        BigDecimal digits = shortest.movePointLeft(exponent);
        String mantissa = digits.stripTrailingZeros().toPlainString();
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
