package io.jruns.magics.line;

import io.jruns.domain.JrunsException;
import io.jruns.magics.FakeHost;
import io.jruns.magics.JrunsMagics;
import io.jruns.magics.registry.MagicRegistry;
import io.jruns.magics.registry.MagicSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An unknown option is answered with the options of the action it was given to, not of every action. */
class ActionOptionsTest {
    final MagicRegistry magics = JrunsMagics.registry();

    @ParameterizedTest(name = "[{index}] %{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "run  | start --bogus       | %run: unknown option --bogus (start takes --nested, --tag, --note)",
            "run  | --bogus start r     | %run: unknown option --bogus (start takes --nested, --tag, --note)",
            "run  | end --bogus         | %run: unknown option --bogus (end takes --status)",
            "run  | --bogus             | %run: unknown option --bogus (only start and end take options)",
            "runs | --bogus             | %runs: unknown option --bogus (expected --max, --page, --columns, --order-by, --state, --created, --experiment)",
            "runs | params.x --bogus    | %runs: unknown option --bogus (expected --max, --page, --columns, --order-by, --state, --created, --experiment)",
            "runs | delete r1 --bogus   | %runs: unknown option --bogus (delete takes --max, --experiment, --keep-descendants, --before)",
            "runs | restore --bogus     | %runs: unknown option --bogus (restore takes --max, --experiment, --since)",
            "runs | csv --bogus         | %runs: unknown option --bogus (csv takes --state, --created, --experiment, --to)",
            "runs | show r1 --bogus     | %runs: unknown option --bogus (show takes --experiment)",
            "runs | rename r1 x --bogus | %runs: unknown option --bogus (rename takes no options)",
            "param | a=1 --bogus        | %param: unknown option --bogus (it takes no options)",
            "metric | a=1 --bogus       | %metric: unknown option --bogus (expected --step)",
    })
    void anUnknownOptionListsThoseOfItsAction(String magic, String args, String message) {
        JrunsException e = assertThrows(JrunsException.class,
                () -> magics.run(new FakeHost(), MagicSpec.Kind.LINE, magic, args, null));
        assertEquals(message, e.getMessage());
    }
}
