package io.jruns.kernel.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

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

    /**
     * Evaluates {@code src} again after importing the types its compile could not find (events of
     * a snippet that needs completion); the imports stay only when it then compiles, so a failing
     * cell changes no name's meaning. {@code clearCapture} drops the value a try left behind.
     */
    List<SnippetEvent> complete(JShell shell, Runnable clearCapture, String src, List<SnippetEvent> events,
                                List<String> notes) {
        if (packages.isEmpty()) return events;
        Set<String> names = new LinkedHashSet<>();
        for (SnippetEvent ev : events) {
            if (ev.causeSnippet() != null) continue;
            names.addAll(missingIn(shell.diagnostics(ev.snippet()).collect(Collectors.toList())));
            // a declaration that compiled but for a type it names (void f() { Table t; }) lists it here
            if (ev.snippet() instanceof DeclarationSnippet d) {
                shell.unresolvedDependencies(d).map(n -> n.substring(n.lastIndexOf(' ') + 1)).forEach(names::add);
            }
        }
        List<String> imports = importsFor(names);
        if (imports.isEmpty()) return events;
        List<Snippet> added = new ArrayList<>();
        for (String imp : imports) {
            for (SnippetEvent ev : shell.eval(imp)) {
                if (ev.causeSnippet() == null && ev.status() == Snippet.Status.VALID) added.add(ev.snippet());
            }
        }
        clearCapture.run();
        List<SnippetEvent> again = shell.eval(src);
        if (Snippets.needCompletion(again)) {
            added.forEach(shell::drop);
            clearCapture.run();
            return shell.eval(src); // as it was, with the diagnostics the user's own names give
        }
        // said once, so a later "Table does not take parameters" (Guava's, imported on demand) has its cause in sight
        for (Snippet imp : added) {
            String full = ((ImportSnippet) imp).fullname();
            notes.add("note: imported " + full + " for " + full.substring(full.lastIndexOf('.') + 1)
                    + "; an import of your own replaces it");
        }
        return again;
    }

    /** The names javac says it cannot find in {@code diagnostics}. */
    private static Set<String> missingIn(List<Diag> diagnostics) {
        Set<String> names = new LinkedHashSet<>();
        for (Diag d : diagnostics) {
            Matcher m = MISSING.matcher(d.getMessage(Locale.ROOT));
            while (m.find()) names.add(m.group(1));
        }
        return names;
    }

    /** The single-type imports that give {@code names}: for each, the first package that has it as a public type. */
    private List<String> importsFor(Set<String> names) {
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
