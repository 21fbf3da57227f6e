package io.jruns.search;

/**
 * An unquoted number as written. {@code exact} holds it as a long when it is a whole number
 * that fits, so comparisons with millisecond times lose no precision; else it is null.
 */
public record NumberLiteral(String text, double value, Long exact) {

    static NumberLiteral parse(String text) {
        double v = Double.parseDouble(text);
        Long exact = null;
        if (text.chars().skip(text.startsWith("-") || text.startsWith("+") ? 1 : 0).allMatch(Character::isDigit)) {
            try {
                exact = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
            } catch (NumberFormatException tooBig) {
                // stays inexact: compared as a double
            }
        }
        return new NumberLiteral(text, v, exact);
    }
}
