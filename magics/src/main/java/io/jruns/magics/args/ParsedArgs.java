package io.jruns.magics.args;

import io.jruns.domain.JrunsException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A magic's arguments after parsing: positional words, and options by name. */
public record ParsedArgs(String magic, List<String> positional, Map<String, List<String>> options) {

    public ParsedArgs {
        positional = List.copyOf(positional);
        options = Map.copyOf(options);
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public Optional<String> value(String name) {
        List<String> v = options.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    public List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    public Optional<Long> longValue(String name) {
        return value(name).map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw JrunsException.invalid("%" + magic + ": --" + name + " takes a whole number, not '" + v + "'");
            }
        });
    }

    /** Reads {@code K=V} words (all positional words from {@code from} on) in order. */
    public Map<String, String> keyValues(int from) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String word : positional.subList(Math.min(from, positional.size()), positional.size())) {
            Map.Entry<String, String> kv = KeyValue.parse(magic, word);
            out.put(kv.getKey(), kv.getValue());
        }
        return out;
    }
}
