package io.jruns.magics.cell;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AssignmentsTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "double rmse = 0.5;                              | rmse",
            "int a = 1, b = 2;                               | a,b",
            "x = 3; y += 2; z++; --w;                        | x,y,z,w",
            "var acc = correct / (double) total;             | acc",
            "if (a == b) { c = 1; }                          | c",
            "boolean ok = x <= 3 && y >= 2 && z != 1;        | ok",
            "String s = \"q = 1\"; // r = 2                  | s",
            "/* hidden = 1 */ shown = 2;                     | shown",
            "this.f = 1; arr[0] = 2; obj.g = 3;              | ''",
            "long n = 1L << 4; n <<= 1;                      | n",
    })
    void findsDeclaredAndAssignedNames(String code, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(","));
        assertEquals(want, List.copyOf(Assignments.names(code)));
    }
}
