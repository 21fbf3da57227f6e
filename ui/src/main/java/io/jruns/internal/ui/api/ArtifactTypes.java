package io.jruns.internal.ui.api;

import java.util.Locale;
import java.util.Map;

/**
 * The content type an artifact is served with: text as text/plain, JSON, and common images;
 * never HTML or a script type (an artifact must not run as part of the UI's origin), anything
 * else as bytes to download.
 */
final class ArtifactTypes {
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("txt", TEXT), Map.entry("log", TEXT), Map.entry("csv", TEXT), Map.entry("tsv", TEXT),
            Map.entry("md", TEXT), Map.entry("yaml", TEXT), Map.entry("yml", TEXT), Map.entry("py", TEXT),
            Map.entry("java", TEXT), Map.entry("ipynb", "application/json"), Map.entry("json", "application/json"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("svg", "image/svg+xml"));

    private ArtifactTypes() {
    }

    static String of(String fileName) {
        if (fileName.equals("MLmodel") || fileName.equals("requirements.txt")) return TEXT;
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) return "application/octet-stream";
        return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }
}
