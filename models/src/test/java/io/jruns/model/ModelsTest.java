package io.jruns.model;

import io.jruns.TrackingClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jruns.ActiveRun;
import io.jruns.domain.JrunsException;
import io.jruns.Jruns;
import io.jruns.domain.FileInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import io.jruns.store.Store;
import io.jruns.store.Stores;
import io.jruns.store.TrackingUri;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logging models to a real embedded store and loading them back. */
class ModelsTest {
    @TempDir
    Path home;

    static final TestModels.Linear LINEAR = new TestModels.Linear(Map.of("rooms", 12.5, "area", 0.8), 30.0,
            Map.of("Lyon", 5.0, "Paris", 40.0));

    static Table houses() {
        return Table.create("houses",
                DoubleColumn.create("area", 50.0, 72.5, 120.0),
                IntColumn.create("rooms", 2, 3, 5),
                StringColumn.create("city", "Lyon", "Paris", "Nantes"));
    }

    @BeforeEach
    void store() {
        Jruns.setTrackingUri(home.toString());
        Jruns.setExperiment("models");
    }

    @AfterEach
    void end() {
        Jruns.endAllRuns(RunStatus.KILLED);
    }

    @Test
    void aLoggedModelHasAnMlflowStyleFolderAndLoadsBackWithItsOwnPredictions() throws Exception {
        LoggedModel logged;
        String runId;
        try (ActiveRun run = Jruns.startRun("train")) {
            runId = run.runId();
            logged = Models.log(run, LINEAR, "model", houses());
        }
        assertEquals("runs:/" + runId + "/model", logged.uri());
        assertEquals(JavaSerializationFlavor.NAME, logged.flavor());
        assertEquals(List.of("model/MLmodel", "model/input_example.json", "model/java_env.yaml", "model/model.ser"),
                Jruns.client().listArtifacts(runId, "model").stream().map(FileInfo::path).toList());

        MlModel ml = MlModel.parse(Files.readString(Jruns.client().downloadArtifact(runId, "model/MLmodel")), "MLmodel");
        assertEquals("model", ml.artifactPath());
        assertEquals(runId, ml.runId());
        assertTrue(ml.modelUuid().matches("[0-9a-f]{32}"), ml.modelUuid());
        assertTrue(ml.utcTimeCreated().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}"), ml.utcTimeCreated());
        Map<String, String> fn = ml.javaFunction().orElseThrow();
        assertEquals(JavaSerializationFlavor.class.getName(), fn.get("loader_class"));
        assertEquals("model.ser", fn.get("data"));
        assertEquals(TestModels.Linear.class.getName(), fn.get("model_class"));
        assertEquals(System.getProperty("java.version"), fn.get("java_version"));
        assertEquals(List.of(new ColumnSpec("area", "double"), new ColumnSpec("rooms", "integer"), new ColumnSpec("city", "string")),
                ml.signature().inputs());
        assertEquals(List.of(new ColumnSpec("price", "double")), ml.signature().outputs());
        long files = 0;
        for (String f : List.of("input_example.json", "java_env.yaml", "model.ser")) {
            files += Files.size(Jruns.client().downloadArtifact(runId, "model/" + f));
        }
        assertEquals(files, ml.modelSizeBytes());
        JsonNode example = new ObjectMapper().readTree(Files.readString(Jruns.client().downloadArtifact(runId, "model/input_example.json")));
        assertEquals("[\"area\",\"rooms\",\"city\"]", example.get("columns").toString());
        assertEquals("[[50.0,2,\"Lyon\"],[72.5,3,\"Paris\"],[120.0,5,\"Nantes\"]]", example.get("data").toString());

        LoadedModel loaded = Models.load(logged.uri());
        Table got = loaded.predict(houses());
        assertEquals(((DoubleColumn) LINEAR.predict(houses())).asList(), got.doubleColumn("price").asList());
        assertEquals(houses().columnNames(), loaded.inputExample().orElseThrow().columnNames());
        assertEquals(List.of(), loaded.requirements().maven(), "test classes come from a folder, not a jar with coordinates");
    }

    @Test
    void inputIsShapedToTheSignatureAndAMissingColumnIsNamed() {
        LoggedModel logged = Models.log(LINEAR, "m", houses());
        LoadedModel loaded = Models.load(logged.uri());
        Table reordered = Table.create("csv", StringColumn.create("city", "Paris"), StringColumn.create("note", "extra"),
                IntColumn.create("area", new int[]{100}), DoubleColumn.create("rooms", 4.0));
        double want = 30 + 12.5 * 4 + 0.8 * 100 + 40;
        assertEquals(want, loaded.predict(reordered).doubleColumn(0).get(0), 1e-9);
        assertEquals(want, (Double) loaded.predictRow(100.0, 4, "Paris"), 1e-9);
        JrunsException e = assertThrows(JrunsException.class, () -> loaded.predict(houses().removeColumns("rooms")));
        assertTrue(e.getMessage().startsWith("the input has no column 'rooms'"), e.getMessage());
        // names match exactly, as in MLflow: "Rooms" is not "rooms"
        JrunsException cased = assertThrows(JrunsException.class,
                () -> loaded.predict(houses().replaceColumn("rooms", IntColumn.create("Rooms", 2, 3, 5))));
        assertTrue(cased.getMessage().startsWith("the input has no column 'rooms' (it has 'Rooms': column names are case-sensitive)"),
                cased.getMessage());
        assertEquals("predict needs a table of inputs, got null",
                assertThrows(JrunsException.class, () -> loaded.predict(null)).getMessage());
        JrunsException frac = assertThrows(JrunsException.class,
                () -> loaded.predict(houses().replaceColumn("rooms", DoubleColumn.create("rooms", 2.5, 3, 4))));
        assertEquals("column 'rooms' is double but the model expects integer", frac.getMessage());
        // nothing is cut or rounded on the way in: a value the model's type cannot hold is an error
        assertEquals("value for 'rooms' is 4.5, which the model's integer input cannot hold exactly",
                assertThrows(JrunsException.class, () -> loaded.predictRow(100.0, 4.5, "Paris")).getMessage());
        assertEquals("value for 'rooms' is 10000000000, which the model's integer input cannot hold exactly",
                assertThrows(JrunsException.class, () -> loaded.predictRow(100.0, 10_000_000_000L, "Paris")).getMessage());
        assertEquals("value for 'area' is 9007199254740993, which the model's double input cannot hold exactly",
                assertThrows(JrunsException.class, () -> loaded.predictRow(9007199254740993L, 4, "Paris")).getMessage());
        assertEquals(30 + 12.5 * 4 + 0.8 * 100 + 40, (Double) loaded.predictRow(100L, 4.0, "Paris"), 1e-9, "whole values pass");
        Table big = reordered.replaceColumn("area", tech.tablesaw.api.LongColumn.create("area", 9007199254740993L));
        assertEquals("column 'area' row 1 holds 9007199254740993, which the model's double input cannot hold exactly",
                assertThrows(JrunsException.class, () -> loaded.predict(big)).getMessage());
    }

    @Test
    void twoModelsExtendTheHistoryTagAsMlflowWritesIt() throws Exception {
        try (ActiveRun run = Jruns.startRun("two")) {
            Models.log(run, LINEAR, "first", houses());
            Models.log(run, new TestModels.RowModel(1, 2), "second/row", null);
            JrunsException again = assertThrows(JrunsException.class, () -> Models.log(run, LINEAR, "first", null));
            assertTrue(again.getMessage().contains("already has artifacts at 'first'"), again.getMessage());
            String tag = Jruns.client().getRun(run.runId()).data().tags().get(SystemTags.LOG_MODEL_HISTORY);
            JsonNode history = new ObjectMapper().readTree(tag);
            assertEquals(2, history.size());
            assertEquals("first", history.get(0).get("artifact_path").asText());
            assertEquals(run.runId(), history.get(0).get("run_id").asText());
            assertTrue(history.get(0).get("flavors").has("java_function"));
            assertTrue(history.get(0).get("signature").get("inputs").asText().contains("\"name\": \"area\""));
            assertEquals("second/row", history.get(1).get("artifact_path").asText());
            assertTrue(history.get(1).get("signature") == null, "no input example, no signature");
            assertEquals(List.of("first", "second/row"),
                    Models.list(Jruns.client(), run.runId()).stream().map(MlModel::artifactPath).toList());
        }
    }

    @Test
    void aModelWithPredictOnDoubleArraysIsCalledRowByRow() {
        Table x = Table.create("x", DoubleColumn.create("a", 1, 2), IntColumn.create("b", 10, 20));
        LoggedModel logged = Models.log(new TestModels.RowModel(0.5, 3), "row", x);
        assertEquals(List.of(new ColumnSpec("prediction", "double")), logged.signature().outputs());
        assertEquals(List.of(30.5, 61.0), Models.load(logged.uri()).predict(x).doubleColumn(0).asList());
    }

    @Test
    void anotherLibraryPlugsInItsOwnFlavor() throws Exception {
        JrunsException refused = assertThrows(JrunsException.class, () -> Models.log(new TestModels.Scale(2), "s", null));
        assertTrue(refused.getMessage().contains("not Serializable and no ModelFlavor supports it"), refused.getMessage());
        ModelFlavors.register(new TestModels.ScaleFlavor());
        try {
            Table x = Table.create("x", DoubleColumn.create("v", 1.5, -2));
            LoggedModel logged = Models.log(new TestModels.Scale(3), "scale", x);
            assertEquals("scale_text", logged.flavor());
            String runId = logged.runId();
            assertEquals("3.0", Files.readString(Jruns.client().downloadArtifact(runId, "scale/factor.txt")).strip());
            ModelFlavors.unregister(TestModels.ScaleFlavor.class);
            // the loader class is named in MLmodel, so loading needs no registration
            assertEquals(List.of(4.5, -6.0), Models.load(logged.uri()).predict(x).doubleColumn(0).asList());
        } finally {
            ModelFlavors.unregister(TestModels.ScaleFlavor.class);
        }
    }

    @Test
    void loadsThroughAnyStoreAndFromALocalFolder() throws Exception {
        LoggedModel logged = Models.log(LINEAR, "model", houses());
        Jruns.flush();
        try (Store store = Stores.open(TrackingUri.resolve(home.toString(), Map.of()))) {
            LoadedModel viaStore = Models.load(logged.uri(), TrackingClient.of(store));
            assertEquals(((DoubleColumn) LINEAR.predict(houses())).asList(), viaStore.predict(houses()).doubleColumn(0).asList());
        }
        SavedModel saved = Models.save(LINEAR, home.resolve("local-model"), houses());
        assertEquals(List.of(), saved.warnings());
        assertEquals(3, Models.load(home.resolve("local-model").toString()).predict(houses()).rowCount());
        assertEquals(3, Models.load(home.resolve("local-model").toUri().toString()).predict(houses()).rowCount());
    }

    @Test
    void modelsThatCannotBeSavedOrPredictFailClearly() {
        JrunsException opaque = assertThrows(JrunsException.class, () -> Models.log(new TestModels.Opaque(), "o", null));
        assertTrue(opaque.getMessage().startsWith("cannot log a " + TestModels.Opaque.class.getName()), opaque.getMessage());
        LoggedModel odd = Models.log(new java.util.ArrayList<>(List.of(1, 2)), "list", houses());
        assertTrue(odd.warnings().get(0).startsWith("no output signature: predicting on the input example failed"), odd.warnings().toString());
        LoadedModel list = Models.load(odd.uri());
        assertEquals(List.of(1, 2), list.unwrap(), "the object itself loads, for code that knows what it is");
        JrunsException noPredict = assertThrows(JrunsException.class, () -> list.predict(houses()));
        assertTrue(noPredict.getMessage().contains("has no public predict(double[])"), noPredict.getMessage());
        assertTrue(JavaSerializationFlavor.missingClass("REPL.$JShell$12$Model", "REPL.$JShell$12$Model")
                .contains("was defined in a notebook cell"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "/abs", "a/../b", "..", "a//b", "x\ny", "a:b", "dir/"})
    void badModelNamesAreRefused(String name) {
        JrunsException e = assertThrows(JrunsException.class, () -> Models.log(LINEAR, name, null));
        assertTrue(e.getMessage().startsWith("model name") || e.getMessage().startsWith("a model needs a name"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"runs:/nothex/model", "runs:/0123456789abcdef0123456789abcdef", "s3://bucket/model",
            "runs:/0123456789abcdef0123456789abcdef/"})
    void badModelUrisAreRefused(String uri) {
        JrunsException e = assertThrows(JrunsException.class, () -> Models.load(uri));
        assertTrue(e.getMessage().startsWith("model URI '"), e.getMessage());
    }

    @Test
    void aRunWithoutThatModelIsNotFound() {
        String runId;
        try (ActiveRun run = Jruns.startRun("empty")) {
            runId = run.runId();
        }
        JrunsException e = assertThrows(JrunsException.class, () -> Models.load("runs:/" + runId + "/model"));
        assertEquals("run " + runId + " has no model at 'model' (no model/MLmodel among its artifacts)", e.getMessage());
    }
}
