package io.jruns.kernel.eval;

import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;

/**
 * A class a cell declares takes its name from a single-type import of that name. JShell accepts
 * {@code class Duration {}} after {@code import java.time.Duration;} but then fails every later
 * snippet ("a type with the same simple name is already defined by the single-type-import"),
 * until the kernel restarts; as in a Java file, the declaration is meant, so the import goes.
 */
final class ImportClash {
    private ImportClash() {
    }

    static void dropShadowed(JShell shell, List<SnippetEvent> events, List<String> notes) {
        for (SnippetEvent ev : events) {
            if (ev.causeSnippet() != null || !(ev.snippet() instanceof TypeDeclSnippet type) || !ev.status().isDefined()) continue;
            List<ImportSnippet> clashing = shell.imports()
                    .filter(i -> i.subKind() == Snippet.SubKind.SINGLE_TYPE_IMPORT_SUBKIND && i.name().equals(type.name())
                            && shell.status(i).isActive())
                    .collect(Collectors.toList());
            for (ImportSnippet i : clashing) {
                shell.drop(i);
                notes.add("note: " + type.name() + " is now the type this cell declares, no longer the imported " + i.fullname());
            }
        }
    }
}
