package io.jruns.kernel.eval;

import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which names a start-up import gives a cell, so that a cell runs only the pending imports it
 * uses ({@code Jruns} needs {@code import io.jruns.*;}, not the nine java.* imports before it):
 * each costs a compile on a JVM that is still cold. Classes are looked up in {@code loader}
 * without initialising them; a name it cannot see only costs the cell a failed compile, after
 * which every pending import runs and the cell is evaluated again (JShellEvaluator).
 */
final class ImportedNames {
    private static final Pattern IMPORT = Pattern.compile("\\s*import\\s+(static\\s+)?([\\w$.]+?)(\\.\\*)?\\s*;\\s*");
    // a name not after a dot (after one it is a member, as in Integer.MAX_VALUE)
    private static final Pattern NAME = Pattern.compile("(?<![.\\w$])[A-Za-z_$][\\w$]*");

    private final ClassLoader loader;
    private final Map<String, Boolean> classes = new HashMap<>();
    private final Map<String, String> prefixes = new HashMap<>();
    private final Map<String, Set<String>> staticMembers = new HashMap<>();

    ImportedNames(ClassLoader loader) {
        this.loader = loader;
    }

    /** The names {@code code} uses that an import could give it: identifiers not after a dot. */
    static Set<String> namesIn(String code) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAME.matcher(code);
        while (m.find()) names.add(m.group());
        return names;
    }

    /** True when {@code snippet} is an import that gives one of {@code names}; false for any other snippet. */
    boolean provides(String snippet, Set<String> names) {
        Matcher m = IMPORT.matcher(snippet);
        if (!m.matches()) return false;
        boolean isStatic = m.group(1) != null;
        boolean onDemand = m.group(3) != null;
        String target = m.group(2);
        if (!onDemand) return names.contains(target.substring(target.lastIndexOf('.') + 1));
        if (isStatic) {
            Set<String> members = staticMembers.computeIfAbsent(target, this::staticMembersOf);
            return names.stream().anyMatch(members::contains);
        }
        // a class whose member classes are imported (import java.util.Map.*;), else a package:
        // decided once, so each name costs one lookup (a miss throws, on the first cell's path)
        String prefix = prefixes.computeIfAbsent(target, t -> load(t) != null ? t + "$" : t + ".");
        return names.stream().filter(n -> Character.isUpperCase(n.charAt(0))).anyMatch(n -> exists(prefix + n));
    }

    private boolean exists(String className) {
        return classes.computeIfAbsent(className, name -> load(name) != null);
    }

    private Set<String> staticMembersOf(String className) {
        Class<?> c = load(className);
        Set<String> names = new HashSet<>();
        if (c == null) return names;
        try {
            Stream.concat(Stream.of(c.getMethods()), Stream.of(c.getFields()))
                    .filter(member -> Modifier.isStatic(member.getModifiers())).map(Member::getName).forEach(names::add);
            for (Class<?> nested : c.getClasses()) names.add(nested.getSimpleName());
        } catch (LinkageError e) {
            // a class that cannot be linked gives nothing here; the cell's fallback still runs it
        }
        return names;
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
