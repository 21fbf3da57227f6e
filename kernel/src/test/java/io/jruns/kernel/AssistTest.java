package io.jruns.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jruns.magics.JrunsMagics;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.junit.jupiter.api.Test;

/** Completion on a magic's line: its name, then its actions and options (no JShell involved). */
class AssistTest {
    private final Assist assist = new Assist(JrunsMagics.registry(), () -> {
        throw new AssertionError("a magic line is completed without the evaluator");
    });

    private ReplacementOptions at(String code) {
        return assist.complete(code, code.length());
    }

    @Test
    void aMagicsActionsAndOptionsComplete() {
        String cell = "int x = 1;\n%run s";
        ReplacementOptions r = at(cell);
        assertEquals(List.of("start"), r.getReplacements());
        assertEquals(cell.length() - 1, r.getSourceStart());
        assertEquals(List.of("--nested"), at("%run start --ne").getReplacements());
        assertEquals(List.of("--status"), at("%run end --").getReplacements());
        assertEquals(List.of("reproduce", "run", "runs"), at("%help r").getReplacements());
        assertEquals(List.of("%run", "%runs"), at("%run").getReplacements());
        assertNull(at("%run start my-run "), "a name is the user's to type");
    }
}
