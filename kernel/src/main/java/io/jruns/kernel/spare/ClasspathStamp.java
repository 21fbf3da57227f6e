package io.jruns.kernel.spare;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The jars this JVM runs from, by modification time and size: a spare started before the kernel
 * was reinstalled must not serve a launch of the new one.
 */
public record ClasspathStamp(Map<String, String> stamps) {

    static ClasspathStamp of(String classpath) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            try {
                BasicFileAttributes a = Files.readAttributes(Path.of(entry), BasicFileAttributes.class);
                m.put(entry, a.lastModifiedTime().toMillis() + "/" + a.size());
            } catch (IOException | RuntimeException e) {
                m.put(entry, "missing");
            }
        }
        return new ClasspathStamp(m);
    }

    public static ClasspathStamp current() {
        return of(System.getProperty("java.class.path", ""));
    }

    /** The first jar that changed since this stamp was taken, if any. */
    Optional<String> changedIn(ClasspathStamp now) {
        return stamps.keySet().stream().filter(k -> !stamps.get(k).equals(now.stamps.get(k))).findFirst();
    }
}
