package io.jruns.magics.args;

import io.jruns.domain.JrunsException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one argument grammar of jruns, for magics and the command line alike: words starting
 * with {@code --} are options ({@code --name value}, {@code --name=value}, flags), a one-letter
 * option may also be written {@code -p}, {@code --} alone ends the options, every other word is
 * positional wherever it stands. An unknown option, a missing or unexpected value and a
 * non-repeatable option given twice are errors. Each face words its errors in its own frame
 * ({@code %run: ...} for a magic, {@code runs get: ... (usage: ...)} for a command).
 */
public final class ArgsParser {
    private ArgsParser() {
    }

    /** A magic's line: split like a shell ({@link Tokens}), errors as {@code %magic: ...}. */
    public static ParsedArgs parse(String magic, List<OptionSpec> specs, String line) {
        return parse(magic, specs, List.of(), line);
    }

    /** A magic's line whose first word may be one of {@code actions}, each with its own options. */
    public static ParsedArgs parse(String magic, List<OptionSpec> specs, List<String> actions, String line) {
        return parseWords(magic, specs, actions, Tokens.split(line == null ? "" : line));
    }

    /** As {@link #parse(String, List, List, String)}, the line already split (and its variables filled in). */
    public static ParsedArgs parseWords(String magic, List<OptionSpec> specs, List<String> actions, List<String> words) {
        return parse(magic, words, specs, actions, message -> JrunsException.invalid("%" + magic + ": " + message));
    }

    /** Words already split (a command line's argv); {@code fail} turns a message into the error to throw. */
    public static ParsedArgs parse(String name, List<String> words, List<OptionSpec> specs,
                                   Function<String, ? extends RuntimeException> fail) {
        return parse(name, words, specs, List.of(), fail);
    }

    private static ParsedArgs parse(String name, List<String> words, List<OptionSpec> specs, List<String> actions,
                                    Function<String, ? extends RuntimeException> fail) {
        List<String> positional = new ArrayList<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        boolean optionsEnded = false;
        // reported once every word is read: the action, which decides the options to list, may come after it
        String unknown = null;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (optionsEnded || !isOption(w, specs)) {
                positional.add(w);
                continue;
            }
            if (w.equals("--")) {
                optionsEnded = true;
                continue;
            }
            int eq = w.indexOf('=');
            String word = eq > 0 ? w.substring(0, eq) : w;
            String inline = eq > 0 ? w.substring(eq + 1) : null;
            OptionSpec spec = find(word, specs);
            if (spec == null) {
                if (unknown == null) unknown = word;
                continue;
            }
            List<String> values = options.get(spec.name());
            if (values != null && !spec.repeatable()) throw fail.apply(word + " is given twice");
            values = options.computeIfAbsent(spec.name(), k -> new ArrayList<>());
            if (!spec.takesValue()) {
                if (inline != null) throw fail.apply(word + " takes no value");
                continue;
            }
            String value = inline;
            if (value == null) {
                if (i + 1 >= words.size()) throw fail.apply(word + " needs a value (" + spec.valueName() + ")");
                value = words.get(++i);
            }
            values.add(value);
        }
        if (unknown != null) throw fail.apply("unknown option " + unknown + " (" + known(specs, actions, positional) + ")");
        return new ParsedArgs(name, positional, options);
    }

    /** {@code --anything} (and {@code --} itself), or {@code -x} when a one-letter option x exists. */
    private static boolean isOption(String w, List<OptionSpec> specs) {
        if (w.startsWith("--")) return true;
        return w.length() >= 2 && w.charAt(0) == '-' && specs.stream()
                .anyMatch(s -> s.name().length() == 1 && w.startsWith("-" + s.name()) && (w.length() == 2 || w.charAt(2) == '='));
    }

    private static OptionSpec find(String word, List<OptionSpec> specs) {
        for (OptionSpec s : specs) if (s.named(word)) return s;
        return null;
    }

    /** The options the line's action takes (the first word when it names one), as an error lists them. */
    private static String known(List<OptionSpec> specs, List<String> actions, List<String> positional) {
        String action = !positional.isEmpty() && actions.contains(positional.get(0)) ? positional.get(0) : "";
        String taken = specs.stream().filter(s -> s.takenBy(action)).map(OptionSpec::word).collect(Collectors.joining(", "));
        if (!action.isEmpty()) return action + (taken.isEmpty() ? " takes no options" : " takes " + taken);
        if (!taken.isEmpty()) return "expected " + taken;
        List<String> withOptions = actions.stream().filter(a -> specs.stream().anyMatch(s -> s.takenBy(a))).toList();
        return withOptions.isEmpty() ? "it takes no options" : "only " + and(withOptions) + " take options";
    }

    private static String and(List<String> words) {
        if (words.size() == 1) return words.get(0);
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
