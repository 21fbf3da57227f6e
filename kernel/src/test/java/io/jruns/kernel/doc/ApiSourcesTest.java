package io.jruns.kernel.doc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The doc comments of jruns's API, from the sources the kernel carries, found by JShell's signatures. */
class ApiSourcesTest {
    private final ApiSources sources = new ApiSources();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "void Jruns.logMetric(String key, double value, long step) | logs",
            "void Jruns.logMetrics(Map<String, ? extends Number> metrics, long step) | logs",
            "Experiment io.jruns.Jruns.setExperiment(java.lang.String name) | Makes the named experiment active",
            "io.jruns.Jruns | The fluent tracking API",
            "Jruns | The fluent tracking API",
            "io.jruns.domain.RunStatus | ",
    })
    void findsTheCommentOfWhatASignatureNames(String signature, String start) {
        Optional<String> doc = sources.javadoc(signature);
        assertTrue(doc.isPresent(), signature);
        if (start != null) assertTrue(doc.get().strip().toLowerCase().startsWith(start.toLowerCase()), doc.get());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "void Jruns.logMetric(String key)",
            "String String.format(String format, Object... args)",
            "lr:double",
            "int Nope.max(int a, int b)",
    })
    void nothingForWhatItDoesNotCarry(String signature) {
        assertEquals(Optional.empty(), sources.javadoc(signature));
    }

    @Test
    void parameterTypesAreErasedAndSimple() {
        assertEquals(List.of("Map", "long", "String[]", "int[][]"),
                ApiSources.types("java.util.Map<String, ? extends List<Number>> m, long step, String... rest, int[][] grid"));
    }
}
