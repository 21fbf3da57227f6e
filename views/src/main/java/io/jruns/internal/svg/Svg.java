package io.jruns.internal.svg;

import java.util.Locale;

/**
 * Writes one SVG document. Every piece of text that reaches the output (labels, titles,
 * attribute values) goes through {@link #esc}, so a run name or param value can never
 * become markup. Colours that follow the page (axes, text) use {@code currentColor}, so a
 * plot inlined in a dark notebook theme stays readable.
 */
public final class Svg {
    private final StringBuilder b = new StringBuilder(4096);

    /** Opens the root element; {@code title} is the accessible name and the hover text. */
    public Svg(int width, int height, String title) {
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"jruns-plot\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"").append(esc(title))
                .append("\" font-family=\"system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif\" font-size=\"11\"")
                .append(" style=\"max-width:100%;height:auto;overflow:visible\"><title>").append(esc(title)).append("</title>");
    }

    /** XML escaping for text and attribute values; characters XML cannot carry become U+FFFD. */
    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF ? "\uFFFD" : null;
            };
            if (r != null && out == null) out = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (out != null) {
                if (r != null) out.append(r);
                else out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** A coordinate with at most one decimal: enough on screen, and short. */
    public static String n(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "0";
        long tenths = Math.round(v * 10);
        if (tenths % 10 == 0) return Long.toString(tenths / 10);
        return String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }

    /** Raw markup written by this package (never user text). */
    public Svg raw(String markup) {
        b.append(markup);
        return this;
    }

    public Svg line(double x1, double y1, double x2, double y2, String style) {
        b.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" ").append(style).append("/>");
        return this;
    }

    /** Text; {@code anchor} is start, middle or end. */
    public Svg text(double x, double y, String anchor, String extra, String text) {
        b.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" fill=\"currentColor\"").append(extra.isEmpty() ? "" : " " + extra).append('>')
                .append(esc(text)).append("</text>");
        return this;
    }

    /** A path; {@code hover} (may be null) becomes its tooltip. */
    public Svg path(String d, String style, String hover) {
        b.append("<path d=\"").append(d).append("\" ").append(style);
        return closeWithTitle("path", hover);
    }

    public Svg circle(double cx, double cy, double r, String style, String hover) {
        b.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" ").append(style);
        return closeWithTitle("circle", hover);
    }

    public Svg rect(double x, double y, double w, double h, String style) {
        b.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" ").append(style).append("/>");
        return this;
    }

    private Svg closeWithTitle(String element, String hover) {
        if (hover == null) b.append("/>");
        else b.append("><title>").append(esc(hover)).append("</title></").append(element).append('>');
        return this;
    }

    /** A one-line message in place of a plot (e.g. nothing to draw). */
    public Svg note(double x, double y, String message) {
        return text(x, y, "middle", "opacity=\"0.7\"", message);
    }

    public String done() {
        return b.append("</svg>").toString();
    }
}
