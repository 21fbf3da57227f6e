package io.jruns.magics.model;

import io.jruns.magics.MagicsOnStore;
import io.jruns.ActiveRun;
import io.jruns.domain.JrunsException;
import io.jruns.Jruns;
import io.jruns.domain.SystemTags;
import io.jruns.model.Models;
import io.jruns.model.Predictor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** %log_model, %snippet and %reproduce against a real store in a temporary folder. */
class ModelMagicsTest extends MagicsOnStore {
    ModelMagicsTest() {
        super("model magics");
    }

    /** y = a * x + b, a real (if small) model. */
    record Affine(double a, double b) implements Predictor, Serializable {
        @Override
        public Object predict(Table input) {
            return input.doubleColumn("x").multiply(a).add(b).setName("y");
        }
    }

    @Test
    void logModelSavesTheVariableAndSnippetShowsCodeForIt() throws Exception {
        host.variables.put("model", new Affine(2, 1));
        host.variables.put("sample", Table.create("s", DoubleColumn.create("x", 1.0, 2.5)));
        ActiveRun run = Jruns.startRun("affine");
        line("log_model", "model --name \"my model\" --input-example sample");
        String shown = host.lastText();
        assertTrue(shown.startsWith("Logged model 'my model' (Affine, java_serialization, "), shown);
        assertTrue(shown.contains("runs:/" + run.runId() + "/my model"), shown);
        assertTrue(shown.contains("Signature: inputs x (double); outputs y (double)"), shown);
        assertTrue(shown.endsWith("Prediction snippets: %snippet " + run.runId() + " \"my model\""), shown);
        assertTrue(Jruns.client().getRun(run.runId()).data().tags().get(SystemTags.LOG_MODEL_HISTORY).contains("\"my model\""));
        assertEquals(List.of(7.0), Models.load("runs:/" + run.runId() + "/my model")
                .predict(Table.create("t", DoubleColumn.create("x", 3.0))).doubleColumn("y").asList());

        line("snippet", run.runId().substring(0, 6) + " \"my model\" --csv new.csv");
        String snippet = host.lastText();
        assertTrue(snippet.contains("LoadedModel model = Models.load(\"runs:/" + run.runId() + "/my model\");"), snippet);
        assertTrue(snippet.contains("types.put(\"x\", ColumnType.DOUBLE);"), snippet);
        assertTrue(snippet.contains("CsvReadOptions.builder(\"new.csv\")"), snippet);
        assertTrue(snippet.contains("col(\"x\").cast(\"double\").as(\"x\")"), snippet);
        String html = host.shown.get(host.shown.size() - 1).html();
        assertTrue(html.contains("Dataset&lt;Row&gt;") && !html.contains("Dataset<Row>"), "escaped HTML");

        line("snippet", "affine"); // by run name, the latest model
        assertTrue(host.lastText().contains("/my model\""), host.lastText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "log_model|                              |%log_model: give one variable, e.g. %log_model model",
            "log_model|a b                           |%log_model: give one variable, e.g. %log_model model",
            "log_model|1x                            |%log_model: VAR must be a variable name, not '1x'",
            "log_model|missing                       |%log_model: 'missing' is not a variable with a value in this notebook",
            "log_model|model --input-example model   |%log_model: --input-example model is a io.jruns.magics.model.ModelMagicsTest$Affine, not a tablesaw Table",
            "log_model|model --input-example sample() |%log_model: --input-example must be a variable name, not 'sample()'",
            "snippet  |                              |%snippet: give RUN and optionally MODEL, e.g. %snippet 3f2a model",
            "reproduce|                              |%reproduce: give one RUN (a run id, id prefix or run name)",
            "reproduce|a b                           |%reproduce: give one RUN (a run id, id prefix or run name)"})
    void badArgumentsGetOneClearLine(String magic, String args, String message) {
        host.variables.put("model", new Affine(1, 0));
        JrunsException e = assertThrows(JrunsException.class, () -> line(magic.strip(), args == null ? "" : args));
        assertEquals(message, e.getMessage());
    }

    @Test
    void reproduceShowsTheRecordedEnvironmentAndClonesANotebookRun() throws Exception {
        Path nb = Files.writeString(home.resolve("train.ipynb"), """
                {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """);
        String runId;
        try (ActiveRun run = Jruns.startRun("plain")) {
            runId = run.runId();
            run.logArtifact(nb, "notebook");
        }
        line("reproduce", runId + " --show-spec");
        String spec = host.lastText();
        assertTrue(spec.startsWith("Environment of run plain\nJava"), spec);
        assertTrue(spec.lines().anyMatch(l -> l.matches("CPUs +" + Runtime.getRuntime().availableProcessors())), spec);
        assertTrue(spec.lines().anyMatch(l -> l.matches("Kernel +none \\(a plain Java program\\)")), spec);
        line("reproduce", runId + " --show-libraries");
        assertTrue(host.lastText().startsWith("Libraries of run plain\nkind"), host.lastText());

        Path to = home.resolve("clone");
        line("reproduce", "plain --to " + to);
        assertTrue(host.lastText().startsWith("Reproduced run plain as " + to.resolve("train.ipynb")), host.lastText());
        String clone = Files.readString(to.resolve("train.ipynb"));
        assertTrue(clone.contains("%experiment \\\"model magics\\\""), clone);
        assertTrue(Files.exists(to.resolve("environment.json")));

        line("reproduce", "plain --to " + home.resolve("bare") + " --no-environment");
        assertFalse(Files.exists(home.resolve("bare/environment.json")));

        Files.delete(Jruns.client().downloadArtifact(runId, "environment.json")); // as if it had none
        JrunsException none = assertThrows(JrunsException.class, () -> line("reproduce", runId + " --show-spec"));
        assertEquals("%reproduce: run " + runId + " has no recorded environment (environment.json)", none.getMessage());
    }
}
