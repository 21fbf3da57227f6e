package io.jruns.search;

/** Comparators for params, tags and string attributes. */
public enum TextOp {
    EQ("="), NE("!="), LIKE("LIKE"), ILIKE("ILIKE"), IN("IN"), NOT_IN("NOT IN");

    private final String symbol;

    TextOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** IN and NOT IN take a list of values; the others exactly one. */
    public boolean takesList() {
        return this == IN || this == NOT_IN;
    }
}
