package io.jruns.internal.ui.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jruns.domain.JrunsException;
import io.jruns.views.html.Html;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A notebook (.ipynb, nbformat 4) as read-only HTML. Nothing from the notebook is ever markup:
 * code, markdown and text outputs are escaped text; image/png outputs become data: images (only
 * when the payload is plain base64); HTML outputs show their text/plain alternative when they
 * have one, else their escaped source, folded. Cells in {@code logged} carry a highlight bar.
 */
final class NotebookHtml {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\s]+");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    private NotebookHtml() {
    }

    static JsonNode parse(String text, String what) {
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null || !n.path("cells").isArray()) throw JrunsException.invalid(what + " is not a notebook (no cells)");
            return n;
        } catch (JrunsException e) {
            throw e;
        } catch (Exception e) {
            throw JrunsException.invalid(what + " is not readable as a notebook: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** How many of the notebook's cells {@link #cells} marks. */
    static int marked(JsonNode notebook, Set<String> logged) {
        int n = 0;
        for (JsonNode cell : notebook.path("cells")) {
            String id = id(cell);
            if (!id.isEmpty() && logged.contains(id)) n++;
        }
        return n;
    }

    private static String id(JsonNode cell) {
        return cell.path("id").asText(cell.path("metadata").path("id").asText(""));
    }

    static String cells(JsonNode notebook, Set<String> logged, String startCell) {
        return cells(notebook, logged, startCell, "");
    }

    static String cells(JsonNode notebook, Set<String> logged, String startCell, String endCell) {
        StringBuilder h = new StringBuilder("<div class=\"jr-nb\">");
        int count = 0;
        for (JsonNode cell : notebook.path("cells")) {
            String id = id(cell);
            boolean mark = !id.isEmpty() && logged.contains(id);
            String type = cell.path("cell_type").asText("code");
            h.append("<div class=\"jr-cell jr-cell-").append(type.equals("markdown") ? "md" : type.equals("code") ? "code" : "raw")
                    .append(mark ? " jr-logged" : "").append("\"");
            if (!id.isEmpty()) Html.append(h.append(" data-cell-id=\""), id).append('"');
            h.append('>');
            if (mark) {
                h.append("<div class=\"jr-cell-tag\">").append(id.equals(startCell) ? "started the run"
                                : id.equals(endCell) ? "ended the run" : "ran in the run")
                        .append("</div>");
            }
            if (type.equals("code")) {
                JsonNode n = cell.path("execution_count");
                h.append("<div class=\"jr-prompt\">[").append(n.isNumber() ? String.valueOf(n.asLong()) : " ").append("]</div>");
                Html.append(h.append("<pre class=\"jr-src\">"), text(cell.path("source"))).append("</pre>");
                for (JsonNode out : cell.path("outputs")) output(h, out);
            } else {
                Html.append(h.append("<div class=\"jr-md\">"), text(cell.path("source"))).append("</div>");
            }
            h.append("</div>");
            count++;
        }
        if (count == 0) h.append("<div class=\"jr-dim\">The notebook has no cells.</div>");
        return h.append("</div>").toString();
    }

    private static void output(StringBuilder h, JsonNode out) {
        String kind = out.path("output_type").asText();
        switch (kind) {
            case "stream" -> Html.append(h.append("<pre class=\"jr-out").append(out.path("name").asText().equals("stderr") ? " jr-stderr" : "")
                    .append("\">"), text(out.path("text"))).append("</pre>");
            case "error" -> {
                StringBuilder t = new StringBuilder(out.path("ename").asText() + ": " + out.path("evalue").asText());
                for (JsonNode line : out.path("traceback")) t.append('\n').append(line.asText());
                Html.append(h.append("<pre class=\"jr-out jr-stderr\">"), ANSI.matcher(t).replaceAll("")).append("</pre>");
            }
            case "execute_result", "display_data" -> data(h, out.path("data"));
            default -> {
            }
        }
    }

    private static void data(StringBuilder h, JsonNode data) {
        String png = text(data.path("image/png")).strip();
        if (!png.isEmpty() && BASE64.matcher(png).matches()) {
            h.append("<img class=\"jr-out-img\" alt=\"output image\" src=\"data:image/png;base64,").append(png.replaceAll("\\s", "")).append("\">");
            return;
        }
        if (data.has("text/plain")) {
            Html.append(h.append("<pre class=\"jr-out\">"), text(data.path("text/plain"))).append("</pre>");
        } else if (data.has("text/html")) {
            Html.append(h.append("<details class=\"jr-out\"><summary>HTML output, shown as its source</summary><pre>"),
                    text(data.path("text/html"))).append("</pre></details>");
        }
    }

    /** A notebook string: one string, or a list of lines joined as they are. */
    static String text(JsonNode n) {
        if (n.isArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonNode line : n) b.append(line.asText());
            return b.toString();
        }
        return n.isMissingNode() || n.isNull() ? "" : n.asText();
    }
}
