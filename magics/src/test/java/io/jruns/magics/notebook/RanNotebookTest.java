package io.jruns.magics.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jruns.domain.JrunsException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notebook a run ran: the saved one with the executed code in place. */
class RanNotebookTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** fit.ipynb as saved: the run logs lr=0.1; an output from an earlier execution. */
    static final String SAVED = """
            {"cells": [
              {"cell_type": "markdown", "id": "m", "metadata": {}, "source": ["# Fit"]},
              {"cell_type": "code", "id": "a", "execution_count": 1, "metadata": {}, "outputs": [], "source": "%run start fit"},
              {"cell_type": "code", "id": "b", "execution_count": 2, "metadata": {},
               "outputs": [{"output_type": "stream", "name": "stdout", "text": "lr 0.1"}], "source": ["%param ", "lr=0.1"]},
              {"cell_type": "code", "id": "c", "execution_count": 3, "metadata": {}, "outputs": [], "source": "%run end"}
            ], "metadata": {"kernelspec": {"name": "jruns"}}, "nbformat": 4, "nbformat_minor": 5}
            """;

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            // cells before the run (up to '|') | the run's cells | out of order?
            "      | a b c   | false",
            "      | a b b c | true",
            "      | a c b   | true",
            "b c a | a b c   | false",
            "c     | a b     | false",
    })
    void onlyTheRunsOwnCellsOrderCounts(String before, String during, boolean outOfOrder) {
        List<RanNotebook.Cell> cells = new java.util.ArrayList<>();
        String code = "abc";
        for (String part : new String[]{before == null ? "" : before, during}) {
            for (String id : part.trim().split("\\s+")) if (!id.isEmpty()) cells.add(cell(id, "x" + code.indexOf(id)));
        }
        int from = before == null ? 0 : before.trim().split("\\s+").length;
        assertEquals(outOfOrder, RanNotebook.merge(SAVED, cells, from, "fit.ipynb").outOfOrder(), before + " | " + during);
    }

    @Test
    void anEditedCellRunBeforeSavingReplacesTheSavedOneWithItsId() throws Exception {
        RanNotebook.Result r = RanNotebook.merge(SAVED, List.of(cell("a", "%run start fit"), cell("b", "%param lr=0.5"),
                cell("c", "%run end")), "fit.ipynb");
        assertTrue(r.differs());
        JsonNode nb = JSON.readTree(r.text());
        assertEquals(List.of("# Fit", "%run start fit", "%param lr=0.5", "%run end"), sources(nb));
        assertEquals(0, nb.path("cells").get(2).path("outputs").size(), "the lr=0.1 output came from other code");
        assertEquals("jruns", nb.path("metadata").path("kernelspec").path("name").asText());
    }

    @Test
    void withoutIdsTheEditedCellTakesThePlaceOfTheSavedCellThatDidNotRun() throws Exception {
        RanNotebook.Result r = RanNotebook.merge(SAVED, List.of(cell(null, "%run start fit"), cell(null, "%param lr=0.5"),
                cell(null, "%run end")), "fit.ipynb");
        assertTrue(r.differs());
        assertEquals(List.of("# Fit", "%run start fit", "%param lr=0.5", "%run end"), sources(JSON.readTree(r.text())));
    }

    @Test
    void whatRanAsSavedIsTheSavedNotebook() throws Exception {
        RanNotebook.Result r = RanNotebook.merge(SAVED, List.of(cell("a", "%run start fit"), cell("b", "%param lr=0.1"),
                cell("c", "%run end")), "fit.ipynb");
        assertFalse(r.differs());
        assertEquals(JSON.readTree(SAVED), JSON.readTree(r.text()));
    }

    @Test
    void aNewUnsavedCellGoesAfterTheCellThatRanBeforeIt() throws Exception {
        RanNotebook.Result r = RanNotebook.merge(SAVED, List.of(cell("a", "%run start fit"), cell("b", "%param lr=0.1"),
                cell("n", "%metric loss=0.2"), cell("c", "%run end")), "fit.ipynb");
        assertTrue(r.differs());
        JsonNode nb = JSON.readTree(r.text());
        assertEquals(List.of("# Fit", "%run start fit", "%param lr=0.1", "%metric loss=0.2", "%run end"), sources(nb));
        assertEquals("n", nb.path("cells").get(3).path("id").asText());
    }

    @Test
    void idsSentForCellsSavedWithoutIdsAreGivenToThem() throws Exception {
        String saved = SAVED.replace("\"id\": \"a\", ", "").replace("\"nbformat_minor\": 5", "\"nbformat_minor\": 4");
        JsonNode nb = JSON.readTree(RanNotebook.merge(saved, List.of(cell("cell-1", "%run start fit")), "fit.ipynb").text());
        assertEquals("cell-1", nb.path("cells").get(1).path("id").asText());
        assertEquals(5, nb.path("nbformat_minor").asInt(), "cell ids are valid from nbformat 4.5");
    }

    @Test
    void withNoSavedFileTheCellsThatRanAreTheNotebook() throws Exception {
        JsonNode nb = JSON.readTree(RanNotebook.merge(null, List.of(cell(null, "%run start x"), cell(null, "%run end")), "x").text());
        assertEquals(List.of("%run start x", "%run end"), sources(nb));
        assertEquals(4, nb.path("nbformat").asInt());
    }

    @Test
    void aSavedFileThatIsNoNotebookSaysSoInOneLine() {
        JrunsException e = assertThrows(JrunsException.class, () -> RanNotebook.merge("{\"cells\": 3}", List.of(), "fit.ipynb"));
        assertEquals("fit.ipynb is not a notebook: it has no list of cells", e.getMessage());
    }

    static RanNotebook.Cell cell(String id, String code) {
        return new RanNotebook.Cell(id, code);
    }

    static List<String> sources(JsonNode nb) {
        List<String> out = new ArrayList<>();
        nb.path("cells").forEach(c -> out.add(NotebookText.source(c.path("source"))));
        return out;
    }
}
