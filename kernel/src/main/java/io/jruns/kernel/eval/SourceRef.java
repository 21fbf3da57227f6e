package io.jruns.kernel.eval;

/**
 * Where code came from, so errors can say "cell [3], line 2" rather than JShell's snippet ids.
 *
 * @param label     e.g. {@code cell [3]}
 * @param firstLine the line of the cell on which the evaluated code starts (1-based)
 */
public record SourceRef(String label, int firstLine) {
    public SourceRef {
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine must be >= 1, got " + firstLine);
        }
    }

    public static SourceRef of(String label) {
        return new SourceRef(label, 1);
    }

    /** The label with a line of this source: line 1 is {@link #firstLine()}. */
    public String at(int lineWithinCode) {
        return label + ", line " + (firstLine + lineWithinCode - 1);
    }
}
