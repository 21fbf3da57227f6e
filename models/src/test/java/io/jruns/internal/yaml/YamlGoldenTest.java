package io.jruns.internal.yaml;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** jruns' YAML against files PyYAML wrote (src/test/resources/yaml/pyyaml-goldens.py makes them). */
class YamlGoldenTest {
    /** The same strings, in the same order, as STRINGS in pyyaml-goldens.py. */
    static final List<String> STRINGS = List.of("plain", "model.ser", "io.jruns.model.JavaSerializationFlavor",
            "tech.tablesaw:tablesaw-core:0.44.4", "true", "False", "null", "~", "yes", "y", "1.0", "3.10.12", "0123abc",
            "0123", "-1", "1_000", "0x1F", ".inf", ".NaN", "", " leading", "trailing ", "a: b", "a:b", "a #b", "a#b",
            "#comment", "- item", "-x", "it's", "'quoted'", "\"dq\"", "[1, 2]", "{a: 1}", "&anchor", "*ref", "!tag", "|",
            ">", "%x", "@x", "`x", "<<", "=", "?", "? x", "line\nbreak", "tab\there", "bell\u0007", "\u00fcmlaut \u2713",
            "2024-03-01", "2024-03-01 10:11:12.123456", "file:///home/ann/wine/mlruns/0", "fold: 1", "wine quality",
            "[{\"type\": \"double\", \"name\": \"x\", \"required\": true}]",
            "a long value with spaces that PyYAML folds over several lines once it passes eighty columns, twice");

    static String golden(String name) throws IOException {
        try (InputStream in = YamlGoldenTest.class.getResourceAsStream("/yaml/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> strings() {
        Map<String, Object> keys = new TreeMap<>();
        STRINGS.stream().filter(s -> !s.contains("\n")).forEach(s -> keys.put(s, "v"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("empty_list", List.of());
        m.put("empty_map", Map.of());
        m.put("flags", Arrays.asList(true, false, null));
        m.put("keys", keys);
        m.put("numbers", List.of(0L, -7L, 1721450905103L));
        m.put("strings", STRINGS);
        return m;
    }

    @Test
    void writesStringsNumbersAndEmptiesAsPyYaml() throws IOException {
        assertEquals(golden("strings.yaml"), Yaml.write(strings()));
    }

    @Test
    void readsWhatPyYamlWrote() throws IOException {
        Map<String, Object> read = Yaml.read(golden("strings.yaml"));
        assertEquals(STRINGS, read.get("strings"));
        assertEquals(new ArrayList<>(strings().entrySet()), new ArrayList<>(read.entrySet()));
    }
}
