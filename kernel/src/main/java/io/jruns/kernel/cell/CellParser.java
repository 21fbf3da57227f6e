package io.jruns.kernel.cell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds magics in a cell. A line magic is a line whose first non-blank characters are
 * {@code %} and a name ({@code % 2} stays Java: the remainder operator); a cell magic is
 * a first line {@code %%name}. Magics run in the kernel, not through the compiler, so they cost
 * no compilation.
 */
public final class CellParser {
    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%([A-Za-z_][\\w.-]*)(.*)$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%([A-Za-z_][\\w.-]*)(.*)$");

    private CellParser() {
    }

    public static ParsedCell parse(String code) {
        String[] lines = code.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first < lines.length) {
            Matcher cm = CELL_MAGIC.matcher(lines[first]);
            if (cm.matches()) {
                String body = String.join("\n", List.of(lines).subList(first + 1, lines.length));
                return new ParsedCell.CellMagic(cm.group(1), withoutComment(cm.group(2)), body, first + 2);
            }
        }
        List<ParsedCell.Segment> segments = new ArrayList<>();
        StringBuilder java = new StringBuilder();
        boolean hasLines = false;
        int javaStart = 1;
        for (int i = 0; i < lines.length; i++) {
            Matcher lm = LINE_MAGIC.matcher(lines[i]);
            if (lm.matches() && !lines[i].stripLeading().startsWith("%%")) {
                flush(segments, java, javaStart);
                hasLines = false;
                segments.add(new ParsedCell.LineMagic(lm.group(1), withoutComment(lm.group(2)), i + 1));
                javaStart = i + 2;
            } else {
                if (hasLines) {
                    java.append('\n');
                }
                java.append(lines[i]);
                hasLines = true;
            }
        }
        flush(segments, java, javaStart);
        return new ParsedCell.Segments(segments);
    }

    /**
     * A magic's arguments without a trailing Java comment ({@code %runs   // the table}): a
     * {@code //} at the start or after a blank, outside quotes and backticks. So a URL's
     * {@code http://} and a quoted {@code '// x'} stay.
     */
    static String withoutComment(String args) {
        char quote = 0;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '/' && args.startsWith("//", i) && (i == 0 || Character.isWhitespace(args.charAt(i - 1)))) {
                return args.substring(0, i).strip();
            }
        }
        return args.strip();
    }

    private static void flush(List<ParsedCell.Segment> segments, StringBuilder java, int firstLine) {
        if (!java.toString().isBlank()) {
            segments.add(new ParsedCell.Java(java.toString(), firstLine));
        }
        java.setLength(0);
    }

    /** The cell with every magic line blanked out (same length), for completion and is_complete. */
    public static String maskMagics(String code) {
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (LINE_MAGIC.matcher(lines[i]).matches() || CELL_MAGIC.matcher(lines[i]).matches()) {
                lines[i] = " ".repeat(lines[i].length());
            }
        }
        return String.join("\n", lines);
    }
}
