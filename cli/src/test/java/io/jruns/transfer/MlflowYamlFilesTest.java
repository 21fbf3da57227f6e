package io.jruns.transfer;

import io.jruns.internal.yaml.Yaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The meta.yaml and MLmodel files MLflow 2.12 wrote (src/test/resources/mlruns-2.12) are golden files for jruns' YAML. */
class MlflowYamlFilesTest {
    private static List<Path> files() throws Exception {
        Path root = Paths.get(MlflowYamlFilesTest.class.getResource("/mlruns-2.12").toURI());
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals("meta.yaml") || p.getFileName().toString().equals("MLmodel"))
                    .sorted().toList();
        }
    }

    @Test
    void everyFileReadsAndIsWrittenBackByteForByte() throws Exception {
        List<Path> files = files();
        assertEquals(8, files.size(), files.toString());
        for (Path f : files) {
            String text = Files.readString(f);
            assertEquals(text, Yaml.write(new TreeMap<>(Yaml.read(text))), f.toString());
        }
    }

    @Test
    void quotedIdsAndNamesStayStringsAndNumbersNumbers() throws Exception {
        Path run = files().stream().filter(p -> p.toString().contains("73ed5776f5e04e23be739d46812cb6bd")).findFirst().orElseThrow();
        Map<String, Object> m = Yaml.read(Files.readString(run));
        assertEquals("fold: 1", m.get("run_name"));
        assertEquals("606783375233873416", m.get("experiment_id"));
        assertEquals("", m.get("source_name"));
        assertEquals(1721450908319L, m.get("start_time"));
        assertEquals(List.of(), m.get("tags"));
        assertTrue(m.containsKey("deleted_time") || m.size() == 15, m.toString());
    }
}
