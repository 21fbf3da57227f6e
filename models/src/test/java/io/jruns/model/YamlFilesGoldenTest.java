package io.jruns.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** MLmodel and java_env.yaml byte for byte as PyYAML writes them (src/test/resources/yaml/pyyaml-goldens.py). */
class YamlFilesGoldenTest {
    private static String golden(String name) throws IOException {
        try (InputStream in = YamlFilesGoldenTest.class.getResourceAsStream("/yaml/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static MlModel model() {
        Map<String, String> java = Map.of("data", "model.ser", "env", "java_env.yaml", "java_version", "17",
                "loader_class", "io.jruns.model.JavaSerializationFlavor", "model_class", "smile.regression.LinearModel");
        ModelSignature signature = new ModelSignature(
                List.of(new ColumnSpec("fixed acidity", "double"), new ColumnSpec("volatile acidity", "double"),
                        new ColumnSpec("citric acid", "double"), new ColumnSpec("quality", "long")),
                List.of(new ColumnSpec("prediction", "double")));
        return new MlModel("model", "1c6b2d5b909041df93e6e00b960de019", "0a1b2c3d4e5f40718293a4b5c6d7e8f9",
                "2024-03-01 10:11:12.123456", 12345L, Map.of(MlModel.JAVA_FUNCTION, java), signature, true);
    }

    @Test
    void mlmodelIsWrittenAsMlflowWritesIt() throws IOException {
        assertEquals(golden("MLmodel"), model().toYaml());
    }

    @Test
    void mlmodelReadsBack() throws IOException {
        assertEquals(model(), MlModel.parse(golden("MLmodel"), "MLmodel"));
    }

    private static Requirements requirements() {
        Map<String, String> jars = new LinkedHashMap<>();
        jars.put("/home/ann/lib/own.jar", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        jars.put("/home/ann/lib/unhashed.jar", "");
        return new Requirements("17.0.9", "Eclipse Adoptium",
                List.of("tech.tablesaw:tablesaw-core:0.44.4", "com.github.haifengl:smile-core:3.1.1"), jars);
    }

    @Test
    void javaEnvIsWrittenAsPyYamlWritesItAndReadsBack() throws IOException {
        assertEquals(golden("java_env.yaml"), requirements().toYaml());
        assertEquals(requirements(), Requirements.parse(golden("java_env.yaml")));
    }
}
