package io.jruns.execute;

import io.jruns.domain.JrunsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** -p NAME=VALUE: typed Java declarations for the notebook, and the options as typed for the run's tag. */
class ParametersTest {
    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "n     | 3              | int n = 3;",
            "n     | -3000000000    | long n = -3000000000L;",
            "lr    | 0.5            | double lr = 0.5;",
            "lr    | 1e-3           | double lr = 0.001;",
            "on    | true           | boolean on = true;",
            "label | a \"b\" \\ c   | String label = \"a \\\"b\\\" \\\\ c\";",
            "v     | 1.2.3          | String v = \"1.2.3\";"})
    void eachValueIsDeclaredWithTheTypeItReads(String name, String value, String declaration) {
        assertEquals(declaration, Parameters.declaration(name, value));
    }

    @Test
    void theOptionsReadBackAsAShellWouldTakeThem() {
        Parameters p = new Parameters().add("alpha=0.5").add("label=a 'quoted' word").add("path=/data/x.csv");
        assertEquals("-p alpha=0.5 -p 'label=a '\\''quoted'\\'' word' -p path=/data/x.csv", p.asOptions());
        assertEquals("", new Parameters().asOptions());
    }

    @Test
    void aNameMustBeAJavaIdentifier() {
        assertEquals("-p 2x: a parameter name must be a Java identifier",
                assertThrows(JrunsException.class, () -> new Parameters().add("2x=1")).getMessage());
        assertEquals("-p expects NAME=VALUE, got 'novalue'",
                assertThrows(JrunsException.class, () -> new Parameters().add("novalue")).getMessage());
    }
}
