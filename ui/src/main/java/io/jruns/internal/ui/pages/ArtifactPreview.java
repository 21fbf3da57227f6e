package io.jruns.internal.ui.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jruns.views.html.Html;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The preview of one artifact file, by type: CSV/TSV as a table (first rows), JSON pretty-printed,
 * a notebook rendered read-only, other text as escaped text; binary files get none. At most
 * {@link #MAX_BYTES} are read, so a huge log cannot stall the page.
 */
final class ArtifactPreview {
    static final int MAX_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArtifactPreview() {
    }

    static String html(Path local, String ext, String path) throws IOException {
        long size = Files.size(local);
        byte[] head;
        try (InputStream in = Files.newInputStream(local)) {
            head = in.readNBytes(MAX_BYTES);
        }
        if (binary(head)) return "<div class=\"jr-dim\">No preview for this file type; download it to open it.</div>";
        String text = new String(head, StandardCharsets.UTF_8);
        boolean cut = size > head.length;
        String note = cut ? "<div class=\"jr-more\">The first " + (MAX_BYTES >> 20) + " MiB of the file.</div>" : "";
        switch (ext) {
            case "csv", "tsv" -> {
                return CsvPreview.html(text, ext.equals("tsv") ? '\t' : ',');
            }
            case "json" -> {
                if (!cut) {
                    try {
                        text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(text));
                    } catch (IOException notJson) {
                        note = "<div class=\"jr-more\">Not valid JSON; shown as text.</div>";
                    }
                }
                return "<pre class=\"jr-text jr-json\">" + Html.escape(text) + "</pre>" + note;
            }
            case "ipynb" -> {
                if (!cut) return NotebookHtml.cells(NotebookHtml.parse(text, path), Set.of(), "");
                return "<pre class=\"jr-text\">" + Html.escape(text) + "</pre>" + note;
            }
            default -> {
                return "<pre class=\"jr-text\">" + Html.escape(text) + "</pre>" + note;
            }
        }
    }

    /** A NUL in the first 8 KiB means binary, as git and grep decide. */
    static boolean binary(byte[] head) {
        for (int i = 0; i < Math.min(head.length, 8192); i++) if (head[i] == 0) return true;
        return false;
    }
}
