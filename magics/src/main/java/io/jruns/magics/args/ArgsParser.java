package io.jruns.magics.args;

import io.jruns.domain.JrunsException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Parses a magic's words against the options it declares; unknown options are an error. */
public final class ArgsParser {
    private ArgsParser() {
    }

    public static ParsedArgs parse(String magic, List<OptionSpec> specs, String line) {
        List<String> words = Tokens.split(line == null ? "" : line);
        List<String> positional = new ArrayList<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.startsWith("--") || w.length() == 2) {
                positional.add(w);
                continue;
            }
            String name = w.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq > 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            OptionSpec spec = find(magic, specs, name);
            List<String> values = options.computeIfAbsent(name, k -> new ArrayList<>());
            if (!spec.takesValue()) {
                if (inline != null) throw JrunsException.invalid("%" + magic + ": --" + name + " takes no value");
                continue;
            }
            String value = inline;
            if (value == null) {
                if (i + 1 >= words.size()) {
                    throw JrunsException.invalid("%" + magic + ": --" + name + " needs a value (" + spec.synopsis() + ")");
                }
                value = words.get(++i);
            }
            if (!spec.repeatable() && !values.isEmpty()) {
                throw JrunsException.invalid("%" + magic + ": --" + name + " given twice");
            }
            values.add(value);
        }
        return new ParsedArgs(magic, positional, options);
    }

    private static OptionSpec find(String magic, List<OptionSpec> specs, String name) {
        for (OptionSpec s : specs) if (s.name().equals(name)) return s;
        String known = specs.isEmpty() ? "it takes no options"
                : "expected " + specs.stream().map(s -> "--" + s.name()).collect(Collectors.joining(", "));
        throw JrunsException.invalid("%" + magic + ": unknown option --" + name + " (" + known + ")");
    }
}
