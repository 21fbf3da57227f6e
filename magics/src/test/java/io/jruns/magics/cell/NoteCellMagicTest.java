package io.jruns.magics.cell;

import io.jruns.Jruns;
import io.jruns.domain.JrunsException;
import io.jruns.domain.SystemTags;
import io.jruns.magics.MagicsOnStore;
import io.jruns.magics.registry.MagicSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code %%note}: a note of several lines, on the active run or a named one; {@code %note} keeps \n as typed. */
class NoteCellMagicTest extends MagicsOnStore {
    NoteCellMagicTest() {
        super("notes");
    }

    private void cell(String args, String body) throws Exception {
        magics.run(host, MagicSpec.Kind.CELL, "note", args, body);
    }

    @Test
    void theCellsTextIsTheActiveRunsNoteLineForLine() throws Exception {
        line("run", "start a");
        cell("", "\n## Heading\n\n*markdown* note\n    indented code\n\n");
        assertEquals("## Heading\n\n*markdown* note\n    indented code", active().data().tags().get(SystemTags.NOTE));
        assertEquals("note set (4 lines)", host.lastText());
    }

    @Test
    void runNamesAnotherRun() throws Exception {
        line("run", "start first");
        String first = Jruns.activeRun().orElseThrow().runId();
        line("run", "end");
        line("run", "start second");
        cell("--run first", "line one\nline two");
        assertEquals("line one\nline two", Jruns.client().getRun(first).data().tags().get(SystemTags.NOTE));
        assertEquals(null, active().data().tags().get(SystemTags.NOTE), "the active run is left alone");
        assertEquals("note set on run " + first + " (2 lines)", host.lastText());
    }

    @Test
    void withNoActiveRunOneIsStartedAndSaidSo() throws Exception {
        cell("", "a note");
        assertEquals("a note", active().data().tags().get(SystemTags.NOTE));
        assertTrue(host.lastText().startsWith("note set (1 line) (started run "), host.lastText());
    }

    @Test
    void anEmptyCellOrAWordAfterTheMagicIsOneClearLine() {
        JrunsException empty = assertThrows(JrunsException.class, () -> cell("", " \n\n"));
        assertEquals("%%note: the cell is empty; write the note's markdown below %%note", empty.getMessage());
        JrunsException word = assertThrows(JrunsException.class, () -> cell("hello", "text"));
        assertTrue(word.getMessage().startsWith("%%note: unexpected 'hello'; the note is the cell's text"), word.getMessage());
        assertTrue(Jruns.activeRun().isEmpty(), "a refused cell starts no run");
    }

    @Test
    void theLineMagicKeepsBackslashNAsTypedAndSaysWhereToWriteLines() throws Exception {
        line("note", "\"## Heading\\n*markdown* note\"");
        assertEquals("## Heading\\n*markdown* note", active().data().tags().get(SystemTags.NOTE));
        assertEquals("note set, with \\n kept as typed; %%note writes a note of several lines", host.lastText());
        line("note", "plain");
        assertEquals("note set", host.lastText());
    }
}
