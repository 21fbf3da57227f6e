package io.jruns.model;

import java.util.Locale;
import java.util.Set;

/**
 * One column of a model signature, in MLflow's terms: a name and one of MLflow's data types
 * ({@code boolean integer long float double string binary datetime}).
 */
public record ColumnSpec(String name, String type) {
    public static final Set<String> TYPES = Set.of("boolean", "integer", "long", "float", "double", "string", "binary", "datetime");

    public ColumnSpec {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("a signature column needs a name");
        type = type.toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("column '" + name + "': unknown type '" + type + "' (expected one of "
                    + String.join(", ", new java.util.TreeSet<>(TYPES)) + ")");
        }
    }

    public boolean numeric() {
        return type.equals("integer") || type.equals("long") || type.equals("float") || type.equals("double");
    }

    @Override
    public String toString() {
        return name + " (" + type + ")";
    }
}
