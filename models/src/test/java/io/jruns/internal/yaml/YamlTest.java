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
        assertEquals(s, Yaml.read(Yaml.write(m)).get("k"), Yaml.write(m));
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
        Map<String, Object> back = Yaml.read(Yaml.write(m));
        assertEquals(Map.of("java_function", Map.of("data", "model.ser", "size", 42L)), back.get("flavors"));
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
        Map<String, Object> m = Yaml.read(text);
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

    /** Valid YAML the old hand-written reader refused: flow collections, anchors, block scalars. */
    @Test
    void readsAnyYamlMapWithoutAliases() {
        Map<String, Object> m = Yaml.read("a: [1, x]\nb: &x {c: 'it''s'}\ne: |\n  two\n  lines\nf: \"tab\\there\"\n");
        assertEquals(List.of(1L, "x"), m.get("a"));
        assertEquals(Map.of("c", "it's"), m.get("b"));
        assertEquals("two\nlines\n", m.get("e"));
        assertEquals("tab\there", m.get("f"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a: 'open", "- a\n- b", "a: 1\n   b: 2", "just text", "a: 1\na: 2", "a: b: c", "a: &x 1\nb: *x"})
    void brokenYamlOrNotAMapIsOneLineWithALineNumber(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Yaml.read(text));
        assertTrue(e.getMessage().matches("YAML line [0-9]+: [^\n]+"), e.getMessage());
    }

    @Test
    void anEmptyDocumentIsAnEmptyMap() {
        assertEquals(Map.of(), Yaml.read(""));
        assertEquals(Map.of(), Yaml.read("# only a comment\n"));
    }
}
