package io.jruns.internal.yaml;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one YAML mapper of jruns, for MLmodel, java_env.yaml and MLflow's meta.yaml files. It
 * writes what PyYAML's {@code yaml.safe_dump(data, default_flow_style=False)} writes, which
 * MLflow reads: block style, no {@code ---}, keys in the map's order (callers sort them as
 * PyYAML does), lists as {@code - item}, {@code {}} and {@code []} when empty, strings plain
 * unless PyYAML quotes them. It reads any YAML map.
 */
public final class Yaml {
    private static final YAMLMapper MAPPER = new YAMLMapper(new PyYamlFactory(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)));

    private Yaml() {
    }

    /** Values: maps with string keys, lists, strings, whole numbers, booleans, null. */
    public static String write(Map<String, ?> map) {
        try {
            return MAPPER.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write YAML: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The top-level map, empty for an empty document. Plain whole numbers come back as Long,
     * true/false as Boolean, null and {@code ~} as null; every other scalar as its text (so a
     * plain {@code 3.10} stays "3.10"). A broken document is one line: "YAML line N: what".
     */
    public static Map<String, Object> read(String text) {
        try (JsonParser p = MAPPER.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) return new LinkedHashMap<>();
            if (first != JsonToken.START_OBJECT) throw new IllegalArgumentException("YAML line 1: the document is not a map");
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value(p);
            if (p.nextToken() != null) throw new IllegalArgumentException("YAML: more than one document");
            return map;
        } catch (JsonProcessingException e) {
            String what = e.getOriginalMessage().lines().findFirst().orElse("").strip();
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                // SnakeYAML's own message is several lines: keep the problem, its line and what it was reading
                what = m.getProblem() + (m.getContext() == null ? "" : " (" + m.getContext() + ")");
                line = m.getProblemMark().getLine() + 1;
            }
            throw new IllegalArgumentException("YAML line " + Math.max(line, 1) + ": " + what, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("YAML: " + e.getMessage(), e);
        }
    }

    private static Object value(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    if (m.containsKey(key)) throw new JsonParseException(p, "duplicate key '" + key + "'");
                    p.nextToken();
                    m.put(key, value(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) l.add(value(p));
                return l;
            }
            case VALUE_NULL -> {
                return null;
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NUMBER_INT -> {
                return p.getText().matches("[-+]?[0-9]{1,18}") ? Long.parseLong(p.getText()) : p.getText();
            }
            default -> {
                // Jackson hands an alias over as its name; MLflow never writes them
                if (p instanceof YAMLParser y && y.isCurrentAlias()) throw new JsonParseException(p, "aliases are not supported");
                return p.getText();
            }
        }
    }
}
