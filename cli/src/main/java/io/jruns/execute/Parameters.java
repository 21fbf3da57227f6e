package io.jruns.execute;

import io.jruns.domain.JrunsException;

import javax.lang.model.SourceVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Notebook parameters given as {@code -p K=V}, turned into typed Java declarations. A name
 * the parameters cell declares keeps the type declared there, and a value that type cannot
 * hold is refused before the notebook runs; otherwise the type is read from the text as
 * papermill does for Python: whole numbers become int (or long), decimals double,
 * true/false boolean, anything else a String.
 */
public final class Parameters {
    private static final String DECIMAL = "[+-]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][+-]?\\d+)?";
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

    /**
     * Checks the values against the parameters cell's declarations ({@link ParameterCell}):
     * {@code warn} hears of names the cell does not declare (papermill warns the same way), or
     * of no such cell; then a value its declared type cannot hold is an error naming both.
     */
    public void check(Optional<Map<String, String>> declared, Consumer<String> warn) {
        if (declared.isEmpty()) {
            if (!values.isEmpty()) warn.accept("the notebook has no cell tagged 'parameters': the -p values go before its first code cell");
            return;
        }
        Map<String, String> types = declared.get();
        values.keySet().stream().filter(name -> !types.containsKey(name)).forEach(name -> warn.accept("-p " + name
                + ": the parameters cell declares no '" + name + "'"
                + (types.isEmpty() ? "" : " (it declares " + String.join(", ", types.keySet()) + ")")));
        values.forEach((name, value) -> {
            if (types.containsKey(name) && !types.get(name).equals("var")) typed(name, types.get(name), value);
        });
    }

    /** The injected cell's code: one declaration per parameter, of the type declared for it if any. */
    public String toJava(Map<String, String> declared) {
        StringBuilder b = new StringBuilder("// Parameters injected by jruns execute\n");
        values.forEach((name, value) -> {
            String type = declared.get(name);
            b.append(type == null || type.equals("var") ? declaration(name, value) : typed(name, type, value)).append('\n');
        });
        return b.toString();
    }

    /** The declaration of {@code name} as {@code type}, or an error when the value is not one. */
    static String typed(String name, String type, String value) {
        String v = value.trim();
        String literal = switch (type) {
            case "String" -> "\"" + escape(value) + "\"";
            case "boolean" -> v.equals("true") || v.equals("false") ? v : null;
            case "char" -> value.length() == 1 ? "'" + escape(value).replace("'", "\\'") + "'" : null;
            case "int" -> whole(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "");
            case "short" -> whole(v, Short.MIN_VALUE, Short.MAX_VALUE, "");
            case "byte" -> whole(v, Byte.MIN_VALUE, Byte.MAX_VALUE, "");
            case "long" -> whole(v, Long.MIN_VALUE, Long.MAX_VALUE, "L");
            case "double", "float" -> decimal(v, type.equals("float") ? "f" : "");
            default -> null;
        };
        if (literal == null) {
            throw JrunsException.invalid("-p " + name + "=" + value + ": the parameters cell declares " + type + " " + name
                    + ", and '" + value + "' is not " + (type.matches("[aeiou].*") ? "an " : "a ") + type);
        }
        return type + " " + name + " = " + literal + ";";
    }

    private static String whole(String v, long min, long max, String suffix) {
        if (!v.matches("[+-]?\\d{1,19}")) return null;
        try {
            long n = Long.parseLong(v);
            return n < min || n > max ? null : n + suffix;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String decimal(String v, String suffix) {
        if (!v.matches(DECIMAL)) {
            if (v.equals("NaN")) return suffix.isEmpty() ? "Double.NaN" : "Float.NaN";
            return null;
        }
        double d = Double.parseDouble(v);
        if (Double.isInfinite(d) || suffix.equals("f") && Float.isInfinite((float) d)) return null;
        return suffix.isEmpty() ? Double.toString(d) : Float.toString((float) d) + "f";
    }

    /** A name the parameters cell does not declare: the type its text reads as, as papermill does. */
    static String declaration(String name, String value) {
        String v = value.trim();
        if (v.matches("[+-]?\\d{1,18}")) {
            long n = Long.parseLong(v);
            return (n == (int) n ? "int " : "long ") + name + " = " + n + (n == (int) n ? "" : "L") + ";";
        }
        if (v.matches(DECIMAL)) return "double " + name + " = " + Double.parseDouble(v) + ";";
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
