package io.jruns.magics.notebook;

import com.fasterxml.jackson.databind.JsonNode;

/** nbformat's multiline strings: one string, or a list of lines joined as they are. */
final class NotebookText {
    private NotebookText() {
    }

    static String source(JsonNode n) {
        if (n.isArray()) {
            StringBuilder b = new StringBuilder();
            n.forEach(line -> b.append(line.asText()));
            return b.toString();
        }
        return n.isMissingNode() || n.isNull() ? "" : n.asText();
    }
}
