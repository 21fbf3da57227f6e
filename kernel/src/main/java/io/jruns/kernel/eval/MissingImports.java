package io.jruns.kernel.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.Diag;

/**
 * Types of a few packages (jruns's API, tablesaw's, java.time) that a cell may name without
 * importing them, as the docs' examples do. They are not start-up imports: a package imported on
 * demand would make a name ambiguous for a user who imports another package with it (Guava's
 * {@code Table}), and each import costs a compile on a cold JVM. Instead a snippet whose compile
 * fails only for want of one gets a single-type import for it, kept only when the snippet
 * then compiles; code that compiles is never touched.
 */
final class MissingImports {
    // javac's "cannot find symbol" detail, e.g. "symbol:   class Table" or "symbol:   variable Duration"
    private static final Pattern MISSING = Pattern.compile("symbol:\\s+(?:class|variable)\\s+([A-Z][\\w$]*)\\s*$",
            Pattern.MULTILINE);

    private final List<String> packages;
    private final ClassLoader loader;

    MissingImports(List<String> packages, ClassLoader loader) {
        this.packages = List.copyOf(packages);
        this.loader = loader;
    }

    boolean isEmpty() {
        return packages.isEmpty();
    }

    /** The names javac says it cannot find in {@code diagnostics}. */
    static Set<String> missingIn(List<Diag> diagnostics) {
        Set<String> names = new LinkedHashSet<>();
        for (Diag d : diagnostics) {
            Matcher m = MISSING.matcher(d.getMessage(Locale.ROOT));
            while (m.find()) names.add(m.group(1));
        }
        return names;
    }

    /** The single-type imports that give {@code names}: for each, the first package that has it as a public type. */
    List<String> importsFor(Set<String> names) {
        List<String> imports = new ArrayList<>();
        for (String name : names) {
            for (String p : packages) {
                if (isPublicClass(p + "." + name)) {
                    imports.add("import " + p + "." + name + ";");
                    break;
                }
            }
        }
        return imports;
    }

    private boolean isPublicClass(String className) {
        try {
            return java.lang.reflect.Modifier.isPublic(Class.forName(className, false, loader).getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
