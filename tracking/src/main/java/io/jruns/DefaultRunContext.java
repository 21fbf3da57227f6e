package io.jruns;

import io.jruns.domain.SystemTags;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tags for a run started from a plain Java program: source LOCAL, named after what the JVM
 * was started with: the absolute path of a source file ({@code java Train.java}) or of a jar
 * ({@code java -jar app.jar}), else the main class.
 */
final class DefaultRunContext implements RunContext {
    /** The JVM's command does not change: read once per process. */
    private static volatile String sourceName;

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

    private static String sourceName() {
        String s = sourceName;
        if (s == null) {
            s = sourceName(System.getProperty("sun.java.command", ""), System.getProperty("java.class.path", ""),
                    Path.of(System.getProperty("user.dir", "")));
            sourceName = s;
        }
        return s;
    }

    /**
     * From the JVM's command ({@code sun.java.command}: main class or file, then the program's
     * arguments): a file as an absolute path, which says which copy ran and lets its git
     * repository be found again; a main class as it is.
     */
    static String sourceName(String command, String classPath, Path workDir) {
        String cmd = command.strip();
        if (cmd.isEmpty()) return "java";
        String launcher = "com.sun.tools.javac.launcher.Main";
        String first = cmd.split("\\s+")[0];
        if (first.endsWith(launcher)) {
            // `java Train.java`: the file follows; the longest prefix naming a .java file keeps spaces in its path
            String rest = cmd.substring(first.length()).strip();
            for (int end = rest.length(); end > 0; end = rest.lastIndexOf(' ', end - 1)) {
                String candidate = rest.substring(0, end);
                Path file = absolute(candidate, workDir);
                if (file != null && candidate.endsWith(".java") && Files.isRegularFile(file)) return file.toString();
            }
            String word = rest.isEmpty() ? first : rest.split("\\s+")[0];
            Path file = absolute(word, workDir);
            return file == null ? word : file.toString();
        }
        // `java -jar app.jar`: the class path is the jar alone, spaces and all
        if (!classPath.isEmpty() && !classPath.contains(File.pathSeparator) && cmd.startsWith(classPath)
                && (cmd.length() == classPath.length() || cmd.charAt(classPath.length()) == ' ')) {
            Path jar = absolute(classPath, workDir);
            if (jar != null && Files.isRegularFile(jar)) return jar.toString();
        }
        if (first.endsWith(".jar")) {
            Path jar = absolute(first, workDir);
            if (jar != null) return jar.toString();
        }
        return first;
    }

    private static Path absolute(String file, Path workDir) {
        try {
            return workDir.resolve(file).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
