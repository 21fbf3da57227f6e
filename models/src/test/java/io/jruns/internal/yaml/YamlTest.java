package io.jruns.internal.yaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain", "model.ser", "io.jruns.model.JavaSerializationFlavor", "tech.tablesaw:tablesaw-core:0.44.4",
            "true", "False", "null", "~", "yes", "1.0", "0123abc", "-1", ".inf", "", " leading", "trailing ", "a: b", "a #b",
            "#comment", "- item", "it's", "'quoted'", "\"dq\"", "[1, 2]", "{a: 1}", "&anchor", "*ref", "!tag", "|", ">",
            "line\nbreak", "tab\there", "bell\u0007", "ümlaut ✓", "2024-03-01 10:11:12.123456",
            "[{\"type\": \"double\", \"name\": \"x\", \"required\": true}]"})
    void everyStringReadsBackAsItself(String s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", s);
        assertEquals(s, YamlReader.read(YamlWriter.write(m)).get("k"), YamlWriter.write(m));
    }

    @Test
    void nestedMapsListsAndScalarsRoundTrip() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("data", "model.ser");
        inner.put("size", 42L);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("flavors", Map.of("java_function", inner));
        m.put("maven", List.of("a:b:1", "c:d:2"));
        m.put("empty_map", Map.of());
        m.put("empty_list", List.of());
        m.put("nothing", null);
        Map<String, Object> back = YamlReader.read(YamlWriter.write(m));
        assertEquals(Map.of("java_function", Map.of("data", "model.ser", "size", "42")), back.get("flavors"));
        assertEquals(List.of("a:b:1", "c:d:2"), back.get("maven"));
        assertEquals(Map.of(), back.get("empty_map"));
        assertEquals(List.of(), back.get("empty_list"));
        assertTrue(back.containsKey("nothing"));
        assertEquals(null, back.get("nothing"));
    }

    /** PyYAML wraps long values over several lines; MLflow's MLmodel files look like this. */
    @Test
    void readsValuesFoldedOverSeveralLines() {
        String text = """
                artifact_path: model
                flavors:
                  python_function:
                    env:
                      conda: conda.yaml
                      virtualenv: python_env.yaml
                    loader_module: mlflow.sklearn
                    python_version: 3.10.12
                signature:
                  inputs: '[{"type": "double", "name": "sepal length (cm)", "required": true}, {"type":
                    "double", "name": "petal width (cm)", "required": true}]'
                  outputs: '[{"type": "long", "required": true}]'
                  params: null
                description: a long plain value that PyYAML folded
                  onto a second line
                utc_time_created: '2024-03-01 10:11:12.123456'
                """;
        Map<String, Object> m = YamlReader.read(text);
        @SuppressWarnings("unchecked")
        Map<String, Object> sig = (Map<String, Object>) m.get("signature");
        assertEquals("[{\"type\": \"double\", \"name\": \"sepal length (cm)\", \"required\": true}, {\"type\": \"double\", "
                + "\"name\": \"petal width (cm)\", \"required\": true}]", sig.get("inputs"));
        assertEquals(null, sig.get("params"));
        assertEquals("a long plain value that PyYAML folded onto a second line", m.get("description"));
        assertEquals("2024-03-01 10:11:12.123456", m.get("utc_time_created"));
        @SuppressWarnings("unchecked")
        Map<String, Object> py = (Map<String, Object>) ((Map<String, Object>) m.get("flavors")).get("python_function");
        assertEquals(Map.of("conda", "conda.yaml", "virtualenv", "python_env.yaml"), py.get("env"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a: [1, 2]", "a: &x 1", "a: |\n  text", "a: 'open", "- a\n- b", "a: 1\n   b: 2", "just text"})
    void unsupportedOrBrokenYamlIsAnErrorWithALineNumber(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> YamlReader.read(text));
        assertTrue(e.getMessage().startsWith("YAML line "), e.getMessage());
    }
}
