package io.jruns.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The declarations of a notebook's cell tagged {@code parameters} (papermill's convention):
 * the names a {@code -p} may set and their types, so a value is given the type the notebook
 * declared rather than one guessed from its text.
 */
public final class ParameterCell {
    /** {@code int epochs = 3;}, {@code final String label = "x";}, {@code var lr = 0.1;}: one per statement. */
    private static final Pattern DECLARATION = Pattern.compile(
            "(?:^|[;{}\\n])\\s*(?:final\\s+)?(int|long|double|float|boolean|short|byte|char|String|var)\\s+"
                    + "([A-Za-z_$][\\w$]*)\\s*=");

    private ParameterCell() {
    }

    /** Name to declared type, in order; empty when the notebook has no cell tagged {@code parameters}. */
    public static Optional<Map<String, String>> declared(ObjectNode notebook) {
        for (JsonNode cell : notebook.path("cells")) {
            for (JsonNode tag : cell.path("metadata").path("tags")) {
                if (tag.asText().equals("parameters")) return Optional.of(declarations(source(cell.path("source"))));
            }
        }
        return Optional.empty();
    }

    static Map<String, String> declarations(String code) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = DECLARATION.matcher(withoutComments(code));
        while (m.find()) out.put(m.group(2), m.group(1));
        return out;
    }

    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", "");
    }

    private static String source(JsonNode n) {
        if (!n.isArray()) return n.asText();
        StringBuilder b = new StringBuilder();
        n.forEach(line -> b.append(line.asText()));
        return b.toString();
    }
}
