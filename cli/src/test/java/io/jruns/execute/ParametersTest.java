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

    @ParameterizedTest(name = "{1} {0}={2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "n     | long    | 3         | long n = 3L;",
            "n     | double  | 3         | double n = 3.0;",
            "n     | float   | 0.1       | float n = 0.1f;",
            "n     | short   | -7        | short n = -7;",
            "label | String  | 123       | String label = \"123\";",
            "label | String  | true      | String label = \"true\";",
            "c     | char    | '         | char c = '\\'';",
            "x     | double  | NaN       | double x = Double.NaN;",
            "n     | int     | abc       | -p n=abc: the parameters cell declares int n, and 'abc' is not an int",
            "n     | int     | 1.5       | -p n=1.5: the parameters cell declares int n, and '1.5' is not an int",
            "n     | int     | 3000000000 | -p n=3000000000: the parameters cell declares int n, and '3000000000' is not an int",
            "n     | byte    | 200       | -p n=200: the parameters cell declares byte n, and '200' is not a byte",
            "on    | boolean | yes       | -p on=yes: the parameters cell declares boolean on, and 'yes' is not a boolean",
            "x     | float   | 1e39      | -p x=1e39: the parameters cell declares float x, and '1e39' is not a float"})
    void aDeclaredNameKeepsItsTypeOrIsRefused(String name, String type, String value, String expected) {
        if (expected.startsWith("-p ")) {
            assertEquals(expected, assertThrows(JrunsException.class, () -> Parameters.typed(name, type, value)).getMessage());
        } else {
            assertEquals(expected, Parameters.typed(name, type, value));
        }
    }

    @Test
    void theParametersCellsDeclarationsAreRead() {
        assertEquals(java.util.Map.of("epochs", "int", "lr", "double", "label", "String", "seed", "var"),
                ParameterCell.declarations("int epochs = 3; double lr = 0.1;\n// int commented = 1;\n"
                        + "final String label = \"a\";\nvar seed = 42L;\nSystem.out.println(epochs);"));
        Parameters p = new Parameters().add("epochs=5").add("nosuch=1");
        java.util.Map<String, String> declared = java.util.Map.of("epochs", "double");
        java.util.List<String> warned = new java.util.ArrayList<>();
        p.check(java.util.Optional.of(declared), warned::add);
        assertEquals(java.util.List.of("-p nosuch: the parameters cell declares no 'nosuch' (it declares epochs)"), warned);
        assertEquals("// Parameters injected by jruns execute\ndouble epochs = 5.0;\nint nosuch = 1;\n", p.toJava(declared));
        warned.clear();
        p.check(java.util.Optional.empty(), warned::add);
        assertEquals(1, warned.size(), "no parameters cell: one warning");
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
