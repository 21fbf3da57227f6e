package io.jruns.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArgsTest {
    static final CommandSpec SPEC = new CommandSpec("demo", List.of("A", "[B]"), List.of(
            OptionSpec.value("--n", "N", "a number"),
            OptionSpec.flag("--all", "a flag")), "Demo", "");
    static final CommandSpec REPEATING = new CommandSpec("rep", List.of("[X...]"), List.of(), "Rep", "");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a                  | a        | {}      | ''",
            "a b                | a,b      | {}      | ''",
            "--n 3 a            | a        | --n=3   | ''",
            "a --n=3 --all      | a        | --n=3   | --all",
            "--all a -- --n     | a,--n    | {}      | --all",
            "a -                | a,-      | {}      | ''",
            "a --n=             | a        | --n=    | ''"})
    void parses(String argv, String positionals, String values, String flags) {
        ParsedArgs p = Args.parse(SPEC, Arrays.asList(argv.split(" ")));
        assertEquals(List.of(positionals.split(",")), p.positionals());
        assertEquals(values.equals("{}") ? Map.of() : Map.of(values.split("=", -1)[0], values.split("=", -1)[1]), p.values());
        assertEquals(flags.isEmpty() ? Set.of() : Set.of(flags), p.flags());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''             | demo: missing A",
            "--all          | demo: missing A",
            "a b c          | demo: unexpected argument 'c'",
            "a --n          | demo: --n needs a value (N)",
            "a --x          | demo: unknown option --x (expected --n, --all)",
            "a --x=1        | demo: unknown option --x (expected --n, --all)",
            "a --all=1      | demo: --all takes no value",
            "a --all --all  | demo: --all is given twice",
            "a --n 1 --n=2  | demo: --n is given twice"})
    void rejects(String argv, String message) {
        List<String> tokens = argv.isEmpty() ? List.of() : Arrays.asList(argv.split(" "));
        UsageException e = assertThrows(UsageException.class, () -> Args.parse(SPEC, tokens));
        assertEquals(message + " (usage: jruns demo A [B] [--n N] [--all])", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"'', 0", "x, 1", "x y z, 3"})
    void repeatingPositionalsTakeAnyNumber(String argv, int count) {
        List<String> tokens = argv.isEmpty() ? List.of() : Arrays.asList(argv.split(" "));
        assertEquals(count, Args.parse(REPEATING, tokens).positionals().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1|1", "42|42", "2147483647|2147483647"})
    void positiveInts(String text, int expected) {
        assertEquals(expected, Args.parse(SPEC, List.of("a", "--n", text)).positiveInt("--n", 7));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0", "-1", "1.5", "2147483648", "x", "''"})
    void notPositiveInts(String text) {
        ParsedArgs p = Args.parse(SPEC, List.of("a", "--n", text));
        UsageException e = assertThrows(UsageException.class, () -> p.positiveInt("--n", 7));
        assertEquals("demo: --n needs a positive integer, got '" + text + "'", e.getMessage());
    }
}
