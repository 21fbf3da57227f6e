package io.jruns.internal.manage;

import io.jruns.domain.JrunsException;
import io.jruns.domain.ViewType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A RUN is a run id, a unique id prefix, or a run name in the experiment(s). */
class RunRefsTest {
    @TempDir
    Path dir;
    ManageFixture f;

    @BeforeEach
    void open() {
        f = new ManageFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private String resolve(String ref, List<String> experiments, ViewType view) {
        return RunRefs.resolve(f.store, ref, experiments, view).runId();
    }

    @Test
    void byFullIdPrefixOrName() {
        assertEquals(f.small, resolve(f.small, List.of(f.iris), ViewType.ACTIVE_ONLY));
        assertEquals(f.small, resolve(f.small.substring(0, 12), List.of(f.iris), ViewType.ACTIVE_ONLY));
        assertEquals(f.small, resolve(f.small.substring(0, 12).toUpperCase(), List.of(f.iris), ViewType.ACTIVE_ONLY));
        assertEquals(f.small, resolve("lr-small", List.of(f.iris), ViewType.ACTIVE_ONLY));
        assertEquals(f.big, resolve(" lr-big ", List.of(f.iris), ViewType.ACTIVE_ONLY));
        assertEquals(f.otherBig, resolve("lr-big", List.of(f.other), ViewType.ACTIVE_ONLY));
        assertEquals(f.otherBig, resolve(f.otherBig.substring(0, 10), List.of(f.iris), ViewType.ACTIVE_ONLY),
                "an id prefix is found in any experiment");
    }

    @Test
    void readersTakeTheNewestOfRunsSharingANameAndSaySo() {
        List<String> notes = new java.util.ArrayList<>();
        assertEquals(f.otherBig, RunRefs.resolveNewest(f.store, "lr-big", List.of(f.iris, f.other), ViewType.ALL, notes::add)
                .runId(), "started at 9000, after the other lr-big (5000)");
        assertEquals(List.of("2 runs are named 'lr-big'; using the newest, " + f.otherBig + " (give its id to choose another)"),
                notes);
        assertEquals(f.small, RunRefs.resolveNewest(f.store, "lr-small", List.of(f.iris), ViewType.ALL, notes::add).runId());
        assertEquals(1, notes.size(), "a unique name needs no note");
        assertThrows(JrunsException.class, () -> resolve("lr-big", List.of(f.iris, f.other), ViewType.ALL),
                "commands that change runs stay strict");
    }

    @Test
    void aNameInSeveralExperimentsIsAmbiguousAndListsTheRuns() {
        JrunsException e = assertThrows(JrunsException.class,
                () -> resolve("lr-big", List.of(f.iris, f.other), ViewType.ACTIVE_ONLY));
        assertTrue(e.getMessage().startsWith("run 'lr-big' is ambiguous: 2 active runs match: "), e.getMessage());
        assertTrue(e.getMessage().contains(f.big + " (lr-big)") && e.getMessage().contains(f.otherBig + " (lr-big)"));
        assertTrue(e.getMessage().endsWith("; give more of the run id"));
    }

    @Test
    void stateDecidesWhatPrefixesAndNamesMatchButNotFullIds() {
        f.store.deleteRun(f.small);
        JrunsException e = assertThrows(JrunsException.class, () -> resolve("lr-small", List.of(f.iris), ViewType.ACTIVE_ONLY));
        assertEquals("no active run 'lr-small': it is deleted (restore it first)", e.getMessage());
        assertEquals(JrunsException.Code.RESOURCE_DOES_NOT_EXIST, e.code());
        assertEquals(f.small, resolve("lr-small", List.of(f.iris), ViewType.DELETED_ONLY));
        assertEquals(f.small, resolve(f.small, List.of(f.iris), ViewType.ACTIVE_ONLY));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''        | a run reference is empty: give a run id, a unique id prefix or a run name",
            "nope      | no active run 'nope' (by run id, id prefix or run name in experiment 'iris')",
            "abc       | no active run 'abc' (by run id, id prefix or run name in experiment 'iris')",
            "0000000000000000000000000000000a | no active run '0000000000000000000000000000000a' (by run id, id prefix or run name in experiment 'iris')",
            "it's      | no active run 'it's' (by run id, id prefix or run name in experiment 'iris')"})
    void missingOrEmptyReferences(String ref, String message) {
        JrunsException e = assertThrows(JrunsException.class, () -> resolve(ref, List.of(f.iris), ViewType.ACTIVE_ONLY));
        assertEquals(message, e.getMessage());
    }
}
