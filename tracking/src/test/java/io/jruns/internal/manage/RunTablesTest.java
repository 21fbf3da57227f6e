package io.jruns.internal.manage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import io.jruns.domain.Run;
import io.jruns.search.RunFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Search results as a tablesaw Table, MLflow's search_runs DataFrame columns. */
class RunTablesTest {
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

    @Test
    void columnsTypesAndValues() {
        Table t = f.query().orderBy("start_time").table();
        assertEquals(List.of("run_id", "experiment_id", "run_name", "status", "start_time", "end_time", "artifact_uri",
                "metrics.acc", "metrics.loss", "metrics.r2", "params.batch", "params.formula", "params.lr", "params.neg",
                "tags.mlflow.runName", "tags.mlflow.source.name", "tags.mlflow.source.type", "tags.mlflow.user", "tags.team"),
                t.columnNames());
        assertEquals(2, t.rowCount());
        assertEquals(ColumnType.STRING, t.column("run_id").type());
        assertEquals(ColumnType.INSTANT, t.column("start_time").type());
        assertEquals(ColumnType.DOUBLE, t.column("metrics.loss").type());
        assertEquals(ColumnType.STRING, t.column("params.lr").type());
        assertEquals(List.of(f.small, f.big), t.stringColumn("run_id").asList());
        assertEquals(Instant.ofEpochMilli(1000), t.instantColumn("start_time").get(0));
        assertEquals(Instant.ofEpochMilli(2000), t.instantColumn("end_time").get(0));
        assertTrue(t.instantColumn("end_time").isMissing(1), "still running");
        assertEquals(-0.25, t.doubleColumn("metrics.loss").getDouble(0));
        assertTrue(Double.isNaN(t.doubleColumn("metrics.r2").getDouble(0)), "missing");
        assertEquals("", t.stringColumn("params.batch").get(0));
        assertEquals("FINISHED", t.stringColumn("status").get(0));
        assertEquals(f.iris, t.stringColumn("experiment_id").get(1));
    }

    /** Built run by run, the table holds what the frame of the same runs does, whichever run shows a key first. */
    @ParameterizedTest
    @ValueSource(strings = {"start_time", "start_time DESC"})
    void sameCellsAsTheRunFrame(String order) {
        List<Run> runs = f.query().orderBy(order).runs();
        RunFrame frame = RunFrame.of(runs);
        Table t = RunTables.of(runs);
        assertEquals(frame.columns(), t.columnNames());
        for (String name : frame.columns()) {
            List<Object> cells = frame.column(name);
            Column<?> c = t.column(name);
            for (int r = 0; r < cells.size(); r++) {
                Object want = cells.get(r);
                if (want == null) assertTrue(c.isMissing(r), name + " row " + r);
                else if (want instanceof Long millis) assertEquals(Instant.ofEpochMilli(millis), c.get(r), name);
                else if (want instanceof Double d) assertEquals(d, ((DoubleColumn) c).getDouble(r), name); // NaN too
                else assertEquals(want, c.get(r), name + " row " + r);
            }
        }
    }

    @Test
    void anEmptyResultStillHasTheRunColumns() {
        Table t = f.query().filter("params.lr = 'none'").table();
        assertEquals(0, t.rowCount());
        assertEquals(List.of("run_id", "experiment_id", "run_name", "status", "start_time", "end_time", "artifact_uri"),
                t.columnNames());
    }
}
