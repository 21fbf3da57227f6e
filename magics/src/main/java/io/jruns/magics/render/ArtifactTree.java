package io.jruns.magics.render;

import io.jruns.domain.FileInfo;

import java.util.List;

/**
 * A run's artifacts as a nested list with sizes. Folders are {@code <details>} (open),
 * so a long tree folds without script.
 */
public final class ArtifactTree {
    /** One listed entry; {@code depth} 0 is the artifact root's level. */
    public record Entry(FileInfo file, int depth) {
    }

    private ArtifactTree() {
    }

    public static String html(List<Entry> entries, boolean truncated) {
        if (entries.isEmpty()) return "<div class=\"jr-dim\">No artifacts.</div>";
        StringBuilder h = new StringBuilder("<ul class=\"jr-tree jr-root\">");
        int depth = 0;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            while (depth > e.depth()) {
                h.append("</ul></details></li>");
                depth--;
            }
            String name = name(e.file().path());
            if (e.file().isDir()) {
                boolean hasChildren = i + 1 < entries.size() && entries.get(i + 1).depth() > e.depth();
                h.append("<li><details open=\"open\"><summary class=\"jr-name\">");
                Html.append(h, name).append("/</summary><ul class=\"jr-tree\">");
                depth++;
                if (!hasChildren) {
                    h.append("<li class=\"jr-dim\">empty</li>");
                }
            } else {
                h.append("<li>");
                Html.append(h, name).append("<span class=\"jr-size\">").append(Format.bytes(e.file().fileSize())).append("</span></li>");
            }
        }
        while (depth-- > 0) h.append("</ul></details></li>");
        h.append("</ul>");
        if (truncated) h.append("<div class=\"jr-more\">Only the first ").append(entries.size()).append(" entries are listed.</div>");
        return h.toString();
    }

    public static String text(List<Entry> entries) {
        StringBuilder t = new StringBuilder();
        for (Entry e : entries) {
            t.append("  ".repeat(e.depth() + 1)).append(name(e.file().path())).append(e.file().isDir() ? "/" : "  " + Format.bytes(e.file().fileSize())).append('\n');
        }
        return t.toString();
    }

    static String name(String path) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }
}
