package io.jruns.magics.args;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How an option reads in %help: a repeatable one says so once, and that each use takes one value. */
class OptionSpecTest {
    @ParameterizedTest(name = "[{index}] {3}")
    @CsvSource(delimiter = '|', value = {
            "repeated | tag        | K=V   | [--tag K=V]...",
            "repeated | order-by   | O     | [--order-by O]...",
            "repeated | experiment | E,... | --experiment E,...",
            "value    | note       | TEXT  | --note TEXT",
            "flag     | nested     |       | --nested",
    })
    void aRepeatableOptionSaysItRepeatsOnce(String kind, String name, String valueName, String synopsis) {
        OptionSpec o = switch (kind) {
            case "repeated" -> OptionSpec.repeated(name, valueName, "");
            case "value" -> OptionSpec.value(name, valueName, "");
            default -> OptionSpec.flag(name, "");
        };
        assertEquals(synopsis, o.synopsis());
    }
}
