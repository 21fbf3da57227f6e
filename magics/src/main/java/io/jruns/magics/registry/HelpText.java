package io.jruns.magics.registry;

import io.jruns.magics.args.OptionSpec;
import io.jruns.magics.host.Output;
import io.jruns.views.html.Html;

import java.util.List;

/** %help's table and docs/magics.md, both made from the registry. */
public final class HelpText {
    private static final int MAX_USAGE = 44;

    private HelpText() {
    }

    public static Output of(List<MagicSpec> specs, boolean all) {
        StringBuilder h = new StringBuilder("<table class=\"jruns-help\"><thead><tr><th style=\"text-align:left\">Magic</th>"
                + "<th style=\"text-align:left\">What it does</th></tr></thead><tbody>");
        for (MagicSpec s : specs) {
            h.append("<tr><td style=\"text-align:left\"><code>").append(Html.escape(s.usage()))
                    .append("</code></td><td style=\"text-align:left\">").append(Html.escape(s.description()));
            for (OptionSpec o : s.options()) {
                h.append("<br><code>").append(Html.escape(o.synopsis())).append("</code>: ").append(Html.escape(o.help()));
            }
            h.append("</td></tr>");
        }
        return new Output(h.append("</tbody></table>").toString(), text(specs, all));
    }

    static String text(List<MagicSpec> specs, boolean all) {
        int width = Math.min(MAX_USAGE, specs.stream().mapToInt(s -> s.usage().length()).max().orElse(0));
        StringBuilder b = new StringBuilder(all ? "Magics (%help NAME describes one):\n" : "");
        for (MagicSpec s : specs) {
            b.append("  ").append(s.usage());
            if (s.usage().length() > width) b.append("\n  ").append(" ".repeat(width));
            else b.append(" ".repeat(width - s.usage().length()));
            b.append("  ").append(s.description()).append('\n');
            if (!all) {
                for (OptionSpec o : s.options()) b.append("      ").append(o.synopsis()).append("  ").append(o.help()).append('\n');
            }
        }
        return b.toString().stripTrailing();
    }

    public static String markdown(List<MagicSpec> specs) {
        StringBuilder b = new StringBuilder("# Magics\n\n")
                .append("Generated from the magic registry (`MagicRegistry`); `%help` shows the same.\n")
                .append("Values with spaces are quoted: `%run start \"my run\"`, `%tag team=\"a b\"`.\n")
                .append("A `//` comment may end a magic's line, as in Java: `%runs   // the table`.\n")
                .append("As in IPython, `$name` is a notebook variable's value (`%param lr=$lr`) and `{expression}`"
                        + " the value of any Java expression (`%run start lr-{lr * 2}`, `%param a={cfg.get(\"a\")}`);"
                        + " `$$`, `{{` and `}}` are a literal `$`, `{` and `}`. An expression that throws stops the"
                        + " magic before it logs anything; braces that do not compile or pair (JSON in a tag, a"
                        + " `{a,b}` glob) leave the line as typed, as in IPython, with a note.\n");
        for (MagicSpec s : specs) {
            b.append("\n## `").append(s.invocation()).append("`\n\n`").append(s.usage()).append("`\n\n")
                    .append(s.description()).append('\n');
            if (!s.options().isEmpty()) {
                b.append('\n');
                for (OptionSpec o : s.options()) b.append("- `").append(o.synopsis()).append("`: ").append(o.help()).append('\n');
            }
        }
        return b.toString();
    }
}
