package io.jruns.internal.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * The runs a plot could not draw, and why. They are named in a caption under the plot, so a
 * run whose value is NaN, infinite or missing is never dropped without a word.
 */
final class Omitted {
    static final double LINE = 14;
    static final int MAX_LINES = 3;

    private final List<String> entries = new ArrayList<>();

    void add(PlotRun run, String why) {
        entries.add(run.label() + " (" + why + ")");
    }

    int size() {
        return entries.size();
    }

    /** Why a value has no place on the axis ("loss is Infinity", "no lr"); null when it has one. */
    static String why(String name, Object value, Axis axis) {
        if (value == null) return "no " + name;
        if (!Double.isNaN(axis.pos(value))) return null;
        double d = Axis.number(value);
        if (Double.isNaN(d)) return name + " is NaN";
        if (Double.isInfinite(d)) return name + " is " + (d > 0 ? "Infinity" : "-Infinity");
        return name + " = " + value + " is off the axis";
    }

    /** "over 5 of 6 runs" when some are left out, else "over 6 runs": the count of what is drawn. */
    static String count(int drawn, int total) {
        return drawn == total ? total + " runs" : drawn + " of " + total + " runs";
    }

    /** The caption's lines for a plot this wide; the last says how many more when they do not fit. */
    List<String> lines(int width) {
        List<String> out = new ArrayList<>();
        if (entries.isEmpty()) return out;
        int max = Math.max(40, (width - 20) / 6); // about 6px a character at font-size 10
        StringBuilder line = new StringBuilder("Not drawn: ");
        for (int i = 0; i < entries.size(); i++) {
            String e = Labels.clip(entries.get(i), max - 12) + (i < entries.size() - 1 ? "," : "");
            if (line.length() + e.length() + 1 > max && line.length() > 11) {
                if (out.size() == MAX_LINES - 1) {
                    out.add(line.append(" and ").append(entries.size() - i).append(" more").toString());
                    return out;
                }
                out.add(line.toString());
                line = new StringBuilder();
            }
            line.append(line.length() == 0 || line.toString().endsWith(" ") ? "" : " ").append(e);
        }
        out.add(line.toString());
        return out;
    }

    /** Extra height the caption needs. */
    double height(int width) {
        List<String> lines = lines(width);
        return lines.isEmpty() ? 0 : lines.size() * LINE + 6;
    }

    /** Draws the caption from {@code y} down; every entry is in its tooltip, however many there are. */
    void draw(Svg svg, double x, double y, int width) {
        List<String> lines = lines(width);
        if (lines.isEmpty()) return;
        svg.raw("<g class=\"jruns-omitted\" opacity=\"0.8\"><title>")
                .raw(Svg.esc("Not drawn:\n" + String.join("\n", entries))).raw("</title>");
        for (int i = 0; i < lines.size(); i++) svg.text(x, y + 10 + i * LINE, "start", "font-size=\"10\"", lines.get(i));
        svg.raw("</g>");
    }
}
