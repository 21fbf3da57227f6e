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
 * runs, so one that throws stops the magic before it logs anything. A line whose braces are not
 * an expression (JSON in a tag, a {@code {a,b}} glob in %jars: braces that do not pair or do not
 * compile) is taken as typed, as IPython takes a line it cannot expand, with a note saying so.
 * Values go in after the line is split into words, so one with blanks or quotes stays one word.
 */
public final class LineExpansion {
    private static final Pattern MARK = Pattern.compile(LineTemplate.OPEN + "(\\d+)" + LineTemplate.CLOSE);

    private LineExpansion() {
    }

    /**
     * The words of {@code line}, filled in; {@code magic} (e.g. {@code %param}) starts any error.
     *
     * @throws JrunsException an expression that throws
     */
    public static List<String> words(String magic, String line, MagicHost host) throws Exception {
        LineTemplate template;
        try {
            template = LineTemplate.parse(line);
        } catch (JrunsException e) {
            return asTyped(magic, line, e.getMessage());
        }
        List<String> words = split(template.text(), line);
        if (template.holes().isEmpty()) return words;
        List<String> values;
        try {
            values = values(magic, template.holes(), host);
        } catch (NotAnExpression e) {
            return asTyped(magic, line, e.getMessage());
        }
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
            String what = "{" + h.source() + "} (column " + h.column() + ") ";
            if (host.didNotCompile(e)) throw new NotAnExpression(what + "does not compile: " + host.failureLine(e));
            throw JrunsException.invalid(magic + ": " + what + "threw " + host.failureLine(e));
        }
    }

    /** The line's words as typed, braces and all, and a note on stderr of why nothing was filled in. */
    private static List<String> asTyped(String magic, String line, String why) {
        System.err.println("note: " + magic + " took its line as typed: " + why
                + " (a literal brace in a line that also has an {expression} is {{ or }})");
        return Tokens.split(line);
    }

    /** Braces that are not an expression: the line is then taken as typed. */
    private static final class NotAnExpression extends Exception {
        NotAnExpression(String message) {
            super(message, null, false, false);
        }
    }
}
