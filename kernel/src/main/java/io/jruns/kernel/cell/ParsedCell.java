package io.jruns.kernel.cell;

import java.util.List;

/** A cell split into what the kernel runs: Java code and magics. */
public sealed interface ParsedCell {

    /** A cell that starts with {@code %%name args}: the magic gets the rest of the cell. */
    record CellMagic(String name, String argText, String body, int bodyFirstLine) implements ParsedCell { }

    /** Anything else: Java code with standalone {@code %name args} lines among it. */
    record Segments(List<Segment> segments) implements ParsedCell {
        public Segments {
            segments = List.copyOf(segments);
        }
    }

    /** One part of a {@link Segments} cell. */
    sealed interface Segment { }

    /** Java code; {@code firstLine} is its first line in the cell (1-based). */
    record Java(String code, int firstLine) implements Segment { }

    /** A {@code %name args} line. */
    record LineMagic(String name, String argText, int line) implements Segment { }
}
