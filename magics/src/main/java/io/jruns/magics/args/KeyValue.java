package io.jruns.magics.args;

import io.jruns.domain.JrunsException;

import java.util.Map;

/** {@code KEY=VALUE} words, split at the first '='. */
public final class KeyValue {
    private KeyValue() {
    }

    public static Map.Entry<String, String> parse(String magic, String word) {
        int eq = word.indexOf('=');
        if (eq <= 0) {
            throw JrunsException.invalid("%" + magic + ": expected KEY=VALUE, got '" + word + "'");
        }
        return Map.entry(word.substring(0, eq), word.substring(eq + 1));
    }
}
