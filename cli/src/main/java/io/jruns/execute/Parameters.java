package io.jruns.execute;

import io.jruns.domain.JrunsException;

import javax.lang.model.SourceVersion;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Notebook parameters given as {@code -p K=V}, turned into typed Java declarations the way
 * papermill does for Python: whole numbers become int (or long), decimals double,
 * true/false boolean, anything else a String.
 */
public final class Parameters {
    private final Map<String, String> values = new LinkedHashMap<>();

    public Parameters add(String keyValue) {
        int eq = keyValue.indexOf('=');
        if (eq <= 0) throw JrunsException.invalid("-p expects NAME=VALUE, got '" + keyValue + "'");
        String name = keyValue.substring(0, eq).trim();
        if (!SourceVersion.isName(name)) {
            throw JrunsException.invalid("-p " + name + ": a parameter name must be a Java identifier");
        }
        values.put(name, keyValue.substring(eq + 1));
        return this;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    /** The options as a shell would take them back: {@code -p alpha=0.5 -p 'label=a b'}. */
    public String asOptions() {
        StringBuilder b = new StringBuilder();
        values.forEach((name, value) -> {
            String kv = name + "=" + value;
            if (b.length() > 0) b.append(' ');
            b.append("-p ").append(kv.matches("[A-Za-z0-9_=.,:+/@%-]+") ? kv : "'" + kv.replace("'", "'\\''") + "'");
        });
        return b.toString();
    }

    /** The injected cell's code: one declaration per parameter. */
    public String toJava() {
        StringBuilder b = new StringBuilder("// Parameters injected by jruns execute\n");
        values.forEach((name, value) -> b.append(declaration(name, value)).append('\n'));
        return b.toString();
    }

    static String declaration(String name, String value) {
        String v = value.trim();
        if (v.matches("[+-]?\\d{1,18}")) {
            long n = Long.parseLong(v);
            return (n == (int) n ? "int " : "long ") + name + " = " + n + (n == (int) n ? "" : "L") + ";";
        }
        if (v.matches("[+-]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][+-]?\\d+)?") ) {
            return "double " + name + " = " + Double.parseDouble(v) + ";";
        }
        if (v.equals("true") || v.equals("false")) return "boolean " + name + " = " + v + ";";
        return "String " + name + " = \"" + escape(value) + "\";";
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
