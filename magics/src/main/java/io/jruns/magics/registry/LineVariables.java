package io.jruns.magics.registry;

import io.jruns.magics.host.MagicHost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPython's {@code $name} and {@code {name}} in a magic's line: the value of a notebook
 * variable, as text ({@code %param lr=$lr}, {@code %run start lr-{lr}}); {@code $$} is a
 * literal {@code $}. One that names no variable stays as typed; unlike IPython, braces take a
 * variable's name only, not an expression. Filled in after the line is split into words, so a
 * value with blanks stays one word.
 */
final class LineVariables {
    private static final Pattern REF = Pattern.compile("\\$\\$|\\$([A-Za-z_][A-Za-z0-9_]*)|\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private LineVariables() {
    }

    static List<String> fill(List<String> words, MagicHost host) {
        List<String> names = new ArrayList<>();
        boolean any = false;
        for (String w : words) {
            Matcher m = REF.matcher(w);
            while (m.find()) {
                any = true;
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                if (name != null && !names.contains(name)) names.add(name);
            }
        }
        if (!any) return words;
        Map<String, Object> values = names.isEmpty() ? Map.of() : host.values(names);
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            Matcher m = REF.matcher(w);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                String text = name == null ? "$" : values.containsKey(name) ? String.valueOf(values.get(name)) : m.group();
                m.appendReplacement(b, Matcher.quoteReplacement(text));
            }
            m.appendTail(b);
            out.add(b.toString());
        }
        return out;
    }
}
