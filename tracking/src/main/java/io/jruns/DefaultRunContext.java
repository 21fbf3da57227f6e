package io.jruns;

import io.jruns.domain.SystemTags;

import java.util.LinkedHashMap;
import java.util.Map;

/** Tags for a run started from a plain Java program: source LOCAL, named after the main class. */
final class DefaultRunContext implements RunContext {
    @Override
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(SystemTags.USER, user());
        tags.put(SystemTags.SOURCE_TYPE, "LOCAL");
        tags.put(SystemTags.SOURCE_NAME, sourceName());
        tags.put(SystemTags.JAVA_VERSION, System.getProperty("java.version"));
        return tags;
    }

    static String user() {
        String u = System.getenv("JRUNS_USER");
        return u != null && !u.isBlank() ? u : System.getProperty("user.name", "unknown");
    }

    /** The main class or source file the JVM was started with. */
    private static String sourceName() {
        String cmd = System.getProperty("sun.java.command", "");
        if (cmd.isBlank()) return "java";
        String[] words = cmd.trim().split("\\s+");
        // `java Train.java` runs through the source launcher: the file is the next word.
        if (words[0].endsWith("com.sun.tools.javac.launcher.Main") && words.length > 1) return words[1];
        return words[0];
    }
}
