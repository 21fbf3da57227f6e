package io.jruns.kernel.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jruns.kernel.JrunsKernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every type the docs' Java examples name compiles in a notebook as written: it comes with
 * java.lang, the kernel's start-up imports, or the packages a cell may name without importing
 * (TrackingHooks.API_PACKAGES). A doc that starts naming another type fails here, not in a user's cell.
 */
class DocNamesTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TYPE_NAME = Pattern.compile("(?<![.\\w$])([A-Z][A-Za-z0-9_]*)\\b");
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|record|interface|enum)\\s+([A-Z]\\w*)");

    @Test
    void everyTypeTheDocsExamplesNameIsThereWithoutAnImport() throws IOException {
        Set<String> names = new TreeSet<>();
        List<Path> docs = new ArrayList<>(List.of(Path.of("..", "README.md")));
        try (Stream<Path> files = Files.list(Path.of("..", "docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        for (Path doc : docs) {
            Matcher block = JAVA_BLOCK.matcher(Files.readString(doc));
            while (block.find()) {
                String code = block.group(1).replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("//.*", "");
                Set<String> declared = new TreeSet<>();
                DECLARED.matcher(code).results().forEach(m -> declared.add(m.group(1)));
                TYPE_NAME.matcher(code).results().map(m -> m.group(1)).filter(n -> !declared.contains(n)).forEach(names::add);
            }
        }
        assertFalse(names.isEmpty(), "the docs have Java examples");
        List<String> prefixes = new ArrayList<>(List.of("java.lang."));
        Stream.concat(JrunsKernel.DEFAULT_IMPORTS.stream(), TrackingHooks.STARTUP_IMPORTS.stream())
                .filter(i -> i.startsWith("import ") && !i.startsWith("import static") && i.endsWith(".*;"))
                .forEach(i -> prefixes.add(i.substring("import ".length(), i.length() - 2)));
        TrackingHooks.API_PACKAGES.forEach(p -> prefixes.add(p + "."));
        List<String> missing = names.stream().filter(n -> !n.equals("RunStatus") && prefixes.stream().noneMatch(p -> exists(p + n)))
                .toList();
        assertEquals(List.of(), missing, "types the docs' Java examples name that a notebook cell cannot resolve");
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, DocNamesTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
