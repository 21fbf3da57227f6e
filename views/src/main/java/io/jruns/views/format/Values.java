package io.jruns.views.format;

/**
 * What kind of value a param, tag or metric holds. Params and tags are text, and many of them
 * are numbers written as text ("0.01", "3.0E-4"); tables right-align them and plots put them
 * on a numeric axis.
 */
public final class Values {
    private Values() {
    }

    /**
     * The value as a number: a {@link Number} as it is, a String that reads as a Java or
     * Python float literal as that number; NaN for anything else (null, "adam", "1e").
     */
    public static double number(Object v) {
        if (v instanceof Number n) return n.doubleValue();
        if (v == null) return Double.NaN;
        String s = v.toString().strip();
        // Double.parseDouble also takes "NaN", "Infinity" and "1d": not numbers to a person
        if (s.isEmpty() || !(Character.isDigit(s.charAt(s.length() - 1)) || s.endsWith("."))) return Double.NaN;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Whether the value is numeric: any Number (a metric, even a logged NaN), or text that
     * reads as a finite number.
     */
    public static boolean isNumeric(Object v) {
        return v instanceof Number || Double.isFinite(number(v));
    }
}
