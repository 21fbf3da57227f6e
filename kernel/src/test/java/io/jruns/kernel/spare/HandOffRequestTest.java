package io.jruns.kernel.spare;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HandOffRequestTest {
    private static final Map<String, String> SPARE = Map.of("HOME", "/home/ada", "TOKEN", "s3cret",
            "JPY_PARENT_PID", "100", "JRUNS_SPARE_KEY", "1x2", "JRUNS_SPARE_DIR", "/run/user/1/jruns-spares",
            "JPY_SESSION_NAME", "a.ipynb");

    /**
     * What the launcher sends, changed by one variable or the directory; the reason names no
     * value. A spare that can write its environment takes any notebook ({@code take}), and one
     * that can also move its working directory any folder ({@code move}).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "the same launch                               | /nb  | -                | -       | none  | -",
        "another directory, the spare able to move     | /etc | -                | -       | move  | -",
        "another Jupyter server (its pid)              | /nb  | JPY_PARENT_PID   | 200     | none  | -",
        "another directory, the spare unable to move   | /etc | -                | -       | take  | working directory /etc is not the spare's /nb",
        "a variable with another value                 | /nb  | TOKEN            | other   | move  | environment variable TOKEN differs",
        "a variable the spare does not have            | /nb  | EXTRA            | 1       | move  | environment variable EXTRA differs",
        "a variable the spare has and the launch lacks | /nb  | HOME             | -       | move  | environment variable HOME differs",
        "another notebook of the directory             | /nb  | JPY_SESSION_NAME | b.ipynb | move  | -",
        "a launch that names no notebook               | /nb  | JPY_SESSION_NAME | -       | move  | -",
        "a notebook named by jruns execute             | /nb  | JRUNS_NOTEBOOK   | /nb/b   | move  | -",
        "a launch from a shell inside another          | /nb  | SHLVL            | 3       | move  | -",
        "a launch from a shell in another directory    | /nb  | PWD              | /home   | move  | -",
        "a server that has started an ipykernel since  | /nb  | PYDEVD_USE_FRAME_EVAL | NO | move  | -",
        "another notebook, the spare unable to take it | /nb  | JPY_SESSION_NAME | b.ipynb | none  | environment variable JPY_SESSION_NAME differs",
        "jruns execute's, the spare unable to take it  | /nb  | JRUNS_NOTEBOOK   | /nb/b   | none  | environment variable JRUNS_NOTEBOOK differs",
    })
    void aLaunchIsServedOnlyWithTheSpareDirectoryAndEnvironment(String what, String cwd, String var, String value,
            String can, String expected) {
        Map<String, String> env = new HashMap<>(SPARE);
        env.remove("JRUNS_SPARE_KEY"); // launch.py leaves its own variables out
        env.remove("JRUNS_SPARE_DIR");
        if (var != null) {
            if (value == null) env.remove(var); else env.put(var, value);
        }
        HandOffRequest r = new HandOffRequest(Path.of("/tmp/kernel-1.json"), Path.of(cwd), env);
        boolean canTake = !can.equals("none");
        assertEquals(Optional.ofNullable(expected), r.mismatch(Path.of("/nb"), SPARE, canTake, can.equals("move")), what);
    }

    @Test
    void theNotebookTakenFromALaunchClearsWhatTheLaunchLacks() {
        HandOffRequest r = new HandOffRequest(Path.of("k.json"), Path.of("/nb"), Map.of("JPY_SESSION_NAME", "b.ipynb", "HOME", "/h"));
        Map<String, String> expected = new HashMap<>();
        SpareConfig.TAKEN.forEach(k -> expected.put(k, null));
        expected.put("JPY_SESSION_NAME", "b.ipynb");
        assertEquals(expected, r.taken());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"connection_file\": \"/tmp/k.json\", \"cwd\": \"/nb\", \"env\": {\"A\": \"\\u00e9\"}} | /tmp/k.json | /nb | é",
        "{\"env\": {\"A\": \"x y\"}, \"cwd\": \"/a b\", \"connection_file\": \"k.json\"}          | k.json      | /a b | x y",
    })
    void parsesTheLauncherLine(String line, String file, String cwd, String a) {
        HandOffRequest r = HandOffRequest.parse(line);
        assertEquals(Path.of(file), r.connectionFile());
        assertEquals(Path.of(cwd), r.cwd());
        assertEquals(Map.of("A", a), r.env());
    }
}
