package io.jruns.model;

import io.jruns.Jruns;
import io.jruns.domain.JrunsException;
import io.jruns.domain.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a loaded model accepts, against MLflow's schema enforcement (mlflow/models/utils.py
 * {@code _enforce_mlflow_datatype}): a model logged to a real embedded store, loaded back.
 */
class InputShapingTest {
    @TempDir
    Path home;
    LoadedModel loaded;

    @BeforeEach
    void logAndLoad() {
        Jruns.setTrackingUri(home.toString());
        Jruns.setExperiment("shaping");
        loaded = Models.load(Models.log(ModelsTest.LINEAR, "m", ModelsTest.houses()).uri());
    }

    @AfterEach
    void end() {
        Jruns.endAllRuns(RunStatus.KILLED);
    }

    @Test
    void aNumberOrBooleanForAStringInputIsAnErrorAsInMlflow() {
        assertEquals("column 'city' is integer but the model expects string", assertThrows(JrunsException.class,
                () -> loaded.predict(ModelsTest.houses().replaceColumn("city", IntColumn.create("city", 7, 7, 7)))).getMessage());
        assertEquals("column 'city' is boolean but the model expects string", assertThrows(JrunsException.class,
                () -> loaded.predict(ModelsTest.houses().replaceColumn("city", BooleanColumn.create("city", true, false, true))))
                .getMessage());
        assertEquals("value for 'city' is a Integer but the model expects string",
                assertThrows(JrunsException.class, () -> loaded.predictRow(100.0, 4, 7)).getMessage());
        assertEquals(3, loaded.predict(ModelsTest.houses()).rowCount(), "strings still pass");
    }

    @Test
    void aBlankInAnIntegerInputIsAnErrorNamingColumnAndRow() throws Exception {
        // the snippet's way to read a CSV: the input example's column types
        Table csv = Table.read().usingOptions(CsvReadOptions.builder(new StringReader("area,rooms,city\n1.5,,Lyon\n"))
                .columnTypes(new ColumnType[]{ColumnType.DOUBLE, ColumnType.INTEGER, ColumnType.STRING}));
        JrunsException e = assertThrows(JrunsException.class, () -> loaded.predict(csv));
        assertEquals("column 'rooms' row 1 is blank, but the model's integer input needs a value"
                + " (a model that takes blanks is logged with a double column)", e.getMessage());
        JrunsException row = assertThrows(JrunsException.class, () -> loaded.predictRow(100.0, null, "Paris"));
        assertTrue(row.getMessage().startsWith("column 'rooms' row 1 is blank"), row.getMessage());
        JrunsException asDouble = assertThrows(JrunsException.class, () -> loaded.predict(ModelsTest.houses()
                .replaceColumn("rooms", DoubleColumn.create("rooms", 2.0, Double.NaN, 5.0))));
        assertTrue(asDouble.getMessage().startsWith("column 'rooms' row 2 is blank"), asDouble.getMessage());
    }

    @Test
    void blanksWhereMlflowTakesThemPassAsMissing() {
        List<ColumnSpec> inputs = List.of(new ColumnSpec("x", "double"), new ColumnSpec("s", "string"), new ColumnSpec("n", "long"));
        Table t = Table.create("t", DoubleColumn.create("x", 1.0, Double.NaN), StringColumn.create("s", "a", null),
                IntColumn.create("n", 1, 2));
        Table shaped = InputConformer.conform(t, inputs);
        assertTrue(shaped.doubleColumn("x").isMissing(1), "a blank double reaches the model as NaN, as in MLflow");
        assertTrue(shaped.stringColumn("s").isMissing(1));
        assertEquals(List.of(1L, 2L), shaped.longColumn("n").asList(), "integers widen to long");
    }
}
