package io.jruns.kernel.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Puts sqlite-jdbc's native library in the kernelspec and points the kernel at it. Otherwise
 * every kernel start copies it out of the jar to the temp folder, after comparing it byte by
 * byte with the copy there, on a JVM still interpreting: about 70 ms of the first cell that
 * starts a run. A kernelspec written for another platform, or a library that will not load,
 * falls back to that copy.
 */
final class NativeSqlite {
    static final String FOLDER = "native";

    private NativeSqlite() {
    }

    /** Extracts the library into {@code dir/native}; returns the JVM options that load it, or none without one. */
    static List<String> install(Path dir, String resourceDir) throws IOException {
        Path folder = dir.resolve(FOLDER);
        deleteFiles(folder);
        String name = LibraryLoaderUtil.getNativeLibName();
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            Files.createDirectories(folder);
            Files.copy(in, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return List.of("-Dorg.sqlite.lib.path=" + resourceDir + "/" + FOLDER, "-Dorg.sqlite.lib.name=" + name);
    }

    private static void deleteFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
