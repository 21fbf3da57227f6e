package io.jruns.internal.manage;

import com.fasterxml.jackson.core.io.NumberOutput;

import java.util.regex.Pattern;

/**
 * One CSV cell, RFC 4180 and safe to open in a spreadsheet. A cell that starts with
 * {@code = + - @}, a tab or a carriage return would be read as a formula, so it gets a
 * leading single quote ({@code '=1+2}), unless the whole cell is a number: {@code -0.5},
 * {@code 1.0E-5} or {@code -Infinity} stay numbers (metric values, and params such as
 * {@code -3}), so pandas and spreadsheets read the column as numbers. Then a
 * cell holding a comma, a double quote or a line break is put in double quotes, with
 * double quotes doubled.
 */
public final class CsvCells {
    // A decimal, or an infinity as Java writes it (pandas reads "-Infinity" as -inf); it calls nothing.
    private static final Pattern NUMBER = Pattern.compile("[+-]?((\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|Infinity)");

    private CsvCells() {
    }

    /** A text cell; null (a missing value) is an empty cell. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) return "";
        char first = value.charAt(0);
        if (first >= '0' && first <= '9' || first >= 'A' && first <= 'z') { // the common case: no formula
            for (int i = 1; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == ',' || c == '"' || c == '\n' || c == '\r') return quote(value);
            }
            return value;
        }
        return quote(neutralise(value));
    }

    /**
     * A number cell: the shortest digits that read back to the same double, in Java's format
     * ({@code 0.25}, {@code 1.0E-5}); NaN and infinities as words ({@code -Infinity}), never
     * quoted: a number is not a formula.
     */
    public static String number(double value) {
        // Jackson's fast writer is Schubfach (JDK 19's Double.toString): about twice as fast as
        // JDK 17's, and always shortest (JDK 17 gives 2e23 as 1.9999999999999998E23).
        return NumberOutput.toString(value, true);
    }

    static String neutralise(String value) {
        char first = value.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky && !NUMBER.matcher(value).matches() ? "'" + value : value;
    }

    static String quote(String value) {
        boolean needs = false;
        for (int i = 0; i < value.length() && !needs; i++) {
            char c = value.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
