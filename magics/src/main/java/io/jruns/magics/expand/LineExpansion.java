package io.jruns.magics.expand;

import io.jruns.domain.JrunsException;
import io.jruns.magics.args.Tokens;
import io.jruns.magics.host.MagicHost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills in a magic's line as IPython does: {@code $name} is a notebook variable's value (one
 * that names no variable stays as typed), {@code {expression}} the value of a Java expression
 * in the notebook's state ({@code %param lr={lr * 2}}). Every value is known before the magic
 * runs, so one that fails stops the magic before it logs anything. Values go in after the line
 * is split into words, so one with blanks or quotes stays one word, as it is.
 */
public final class LineExpansion {
    private static final Pattern MARK = Pattern.compile(LineTemplate.OPEN + "(\\d+)" + LineTemplate.CLOSE);

    private LineExpansion() {
    }

    /**
     * The words of {@code line}, filled in; {@code magic} (e.g. {@code %param}) starts any error.
     *
     * @throws JrunsException a brace without its pair, or an expression that does not compile or throws
     */
    public static List<String> words(String magic, String line, MagicHost host) throws Exception {
        LineTemplate template;
        try {
            template = LineTemplate.parse(line);
        } catch (JrunsException e) {
            throw JrunsException.invalid(magic + ": " + e.getMessage());
        }
        List<String> words = split(template.text(), line);
        if (template.holes().isEmpty()) return words;
        List<String> values = values(magic, template.holes(), host);
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            Matcher m = MARK.matcher(w);
            StringBuilder b = new StringBuilder();
            while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(values.get(Integer.parseInt(m.group(1)))));
            out.add(m.appendTail(b).toString());
        }
        return out;
    }

    /** An unclosed quote's column is the one in the line as typed, where the marks are not. */
    private static List<String> split(String text, String line) {
        try {
            return Tokens.split(text);
        } catch (JrunsException e) {
            Tokens.split(line);
            throw e;
        }
    }

    private static List<String> values(String magic, List<LineTemplate.Hole> holes, MagicHost host) throws Exception {
        List<String> names = new ArrayList<>();
        for (LineTemplate.Hole h : holes) {
            if (h.kind() == LineTemplate.Hole.Kind.VARIABLE && !names.contains(h.source())) names.add(h.source());
        }
        Map<String, Object> variables = names.isEmpty() ? Map.of() : host.values(names);
        List<String> out = new ArrayList<>(holes.size());
        for (LineTemplate.Hole h : holes) {
            if (h.kind() == LineTemplate.Hole.Kind.VARIABLE) {
                out.add(variables.containsKey(h.source()) ? String.valueOf(variables.get(h.source())) : "$" + h.source());
            } else {
                out.add(String.valueOf(evaluate(magic, h, host)));
            }
        }
        return out;
    }

    private static Object evaluate(String magic, LineTemplate.Hole h, MagicHost host) throws Exception {
        try {
            return host.evaluate(h.source());
        } catch (Exception e) {
            if (host.interrupted(e)) throw e;
            String why = host.didNotCompile(e) ? "does not compile: " : "threw ";
            throw JrunsException.invalid(magic + ": {" + h.source() + "} (column " + h.column() + ") " + why
                    + host.failureLine(e));
        }
    }
}
