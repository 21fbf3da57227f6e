package io.jruns.views.html;

import io.jruns.views.ArtifactEntry;
import io.jruns.views.Links;
import io.jruns.views.format.Format;

import java.util.List;

/**
 * A run's artifacts as a nested list with sizes. Folders are {@code <details>} (open),
 * so a long tree folds without script.
 */
public final class ArtifactTree {
    private ArtifactTree() {
    }

    public static String html(List<ArtifactEntry> entries, boolean truncated) {
        return html(entries, truncated, null, Links.NONE);
    }

    /** Files link to the UI's artifact page of run {@code runId} when {@code links} has a UI. */
    public static String html(List<ArtifactEntry> entries, boolean truncated, String runId, Links links) {
        if (entries.isEmpty()) return "<div class=\"jr-dim\">No artifacts.</div>";
        StringBuilder h = new StringBuilder("<ul class=\"jr-tree jr-root\">");
        int depth = 0;
        for (int i = 0; i < entries.size(); i++) {
            ArtifactEntry e = entries.get(i);
            while (depth > e.depth()) {
                h.append("</ul></details></li>");
                depth--;
            }
            String name = e.name();
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
                String href = runId == null ? null : links.artifact(runId, e.file().path()).orElse(null);
                if (href != null) {
                    h.append("<a class=\"jr-artlink\" href=\"");
                    Html.append(h, href).append("\">");
                    Html.append(h, name).append("</a>");
                } else {
                    Html.append(h, name);
                }
                h.append("<span class=\"jr-size\">").append(Format.bytes(e.file().fileSize())).append("</span></li>");
            }
        }
        while (depth-- > 0) h.append("</ul></details></li>");
        h.append("</ul>");
        if (truncated) h.append("<div class=\"jr-more\">Only the first ").append(Format.count(entries.size())).append(" entries are listed.</div>");
        return h.toString();
    }
}
