package io.jruns.snippet;


import io.jruns.model.Models;
import io.jruns.ActiveRun;
import io.jruns.domain.JrunsException;
import io.jruns.Jruns;
import io.jruns.domain.RunStatus;
import io.jruns.model.ColumnSpec;
import io.jruns.model.LoggedModel;
import io.jruns.TrackingClient;
import io.jruns.model.TestModels;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The prediction snippets: the tablesaw one is run in JShell; the Spark one is read against the model's columns. */
class SnippetGeneratorTest {
    @TempDir
    Path home;
    String runId;
    LoggedModel logged;

    static final TestModels.Linear MODEL = new TestModels.Linear(Map.of("rooms", 12.5, "area", 0.8), 30.0,
            Map.of("Lyon", 5.0, "Paris", 40.0));

    @BeforeEach
    void logAModel() {
        Jruns.setTrackingUri(home.toString());
        Jruns.setExperiment("snippets");
        try (ActiveRun run = Jruns.startRun("train")) {
            runId = run.runId();
            Table example = Table.create("houses", DoubleColumn.create("area", 50.0, 72.5), IntColumn.create("rooms", 2, 3),
                    StringColumn.create("city", "Lyon", "Paris"));
            logged = Models.log(run, MODEL, "house model", example);
        }
    }

    @AfterEach
    void end() {
        Jruns.endAllRuns(RunStatus.KILLED);
        SnippetResult.value = null;
    }

    @Test
    void theTablesawSnippetRunsInJShellAndGivesTheModelsOwnPredictions() throws Exception {
        // A CSV as a person would have it: other column order, an extra column, whole numbers for a double column.
        Path csv = Files.writeString(home.resolve("new houses.csv"),
                "city,id,rooms,area\nParis,1,4,100\nLyon,2,1,35.5\nNantes,3,6,210\n");
        Snippets s = SnippetGenerator.forRun(Jruns.client(), runId, null, csv.toString());
        assertEquals(logged.uri(), s.modelUri());

        runInJShell(s.tablesaw(), "io.jruns.snippet.SnippetResult.value = predictions;");

        Table input = Table.create("in", StringColumn.create("city", "Paris", "Lyon", "Nantes"),
                IntColumn.create("rooms", 4, 1, 6), DoubleColumn.create("area", 100, 35.5, 210));
        List<Double> own = ((DoubleColumn) MODEL.predict(input)).asList();
        Table got = (Table) SnippetResult.value;
        assertEquals(own, got.doubleColumn("price").asList());
        assertEquals(List.of(30 + 50 + 80 + 40.0, 30 + 12.5 + 28.4 + 5, 30 + 75 + 168.0), own, "the model itself is not trivial");
    }

    @Test
    void theSparkSnippetCastsEveryInputColumnInSignatureOrder() {
        Snippets s = SnippetGenerator.forRun(Jruns.client(), runId, "house model", "data.csv");
        String spark = s.spark();
        assertEquals(List.of(new ColumnSpec("area", "double"), new ColumnSpec("rooms", "integer"), new ColumnSpec("city", "string")),
                s.inputs());
        Matcher m = Pattern.compile("col\\(\"([^\"]+)\"\\)\\.cast\\(\"([^\"]+)\"\\)\\.as\\(\"([^\"]+)\"\\)").matcher(spark);
        StringBuilder found = new StringBuilder();
        while (m.find()) {
            assertEquals(m.group(1), m.group(3));
            found.append(m.group(1)).append(':').append(m.group(2)).append(' ');
        }
        assertEquals("area:double rooms:int city:string ", found.toString(), spark);
        assertTrue(spark.contains("String modelUri = \"" + logged.uri() + "\";"), spark);
        assertTrue(spark.contains("UDF1<Row, Double> predict"), spark);
        assertTrue(spark.contains("spark.udf().register(\"jruns_predict\", predict, DataTypes.DoubleType);"), spark);
        assertTrue(spark.contains("df.withColumn(\"price\", call_udf(\"jruns_predict\", features))"), spark);
        assertTrue(spark.contains(".csv(\"data.csv\")"), spark);
        assertTrue(spark.lines().findFirst().orElseThrow().startsWith("%maven org.apache.spark:spark-sql_2.13:"), spark);
        for (String imp : List.of("org.apache.spark.sql.Dataset", "org.apache.spark.sql.Row", "org.apache.spark.sql.api.java.UDF1",
                "io.jruns.model.Models")) {
            assertTrue(spark.contains("import " + imp + ";"), imp);
        }
    }

    @Test
    void modelLibrariesComeFirstAsAMavenLine() {
        io.jruns.model.Requirements req = new io.jruns.model.Requirements("17", "x", List.of("com.example:lib:1.0"), Map.of());
        Snippets s = SnippetGenerator.forModel("runs:/" + runId + "/m", io.jruns.model.Models.list(Jruns.client(), runId).get(0),
                req, null);
        assertEquals("%maven com.example:lib:1.0", s.tablesaw().lines().findFirst().orElseThrow());
        assertTrue(s.spark().startsWith("%maven com.example:lib:1.0 org.apache.spark:spark-sql_2.13:"), s.spark());
        assertTrue(s.tablesaw().contains("CsvReadOptions.builder(\"input.csv\")"), s.tablesaw());
    }

    @Test
    void jarsTheModelsClassesCameFromFollowAsAJarsLine() {
        io.jruns.model.Requirements req = new io.jruns.model.Requirements("17", "x", List.of("com.example:lib:1.0"),
                new java.util.LinkedHashMap<>(Map.of("/opt/models/lin.jar", "ab12")));
        Snippets s = SnippetGenerator.forModel("runs:/" + runId + "/m", io.jruns.model.Models.list(Jruns.client(), runId).get(0),
                req, null);
        assertEquals(List.of("%maven com.example:lib:1.0", "%jars /opt/models/lin.jar"), s.tablesaw().lines().limit(2).toList());
        assertEquals("%jars /opt/models/lin.jar", s.spark().lines().skip(1).findFirst().orElseThrow(), s.spark());
        assertTrue(s.tablesaw().contains("add io.jruns:jruns-models to the class path"), s.tablesaw());
    }

    @Test
    void aRunWithoutThatModelIsAClearError() {
        JrunsException e = assertThrows(JrunsException.class,
                () -> SnippetGenerator.forRun(Jruns.client(), runId, "other", null));
        assertEquals("run " + runId + " has no model 'other' (it has house model)", e.getMessage());
        String empty;
        try (ActiveRun run = Jruns.startRun("nothing")) {
            empty = run.runId();
        }
        JrunsException none = assertThrows(JrunsException.class, () -> SnippetGenerator.forRun(Jruns.client(), empty, null, null));
        assertEquals("run " + empty + " has no logged model", none.getMessage());
    }

    /**
     * Runs cells of Java source (magic lines dropped, as the kernel runs them apart) in one
     * JShell inside this JVM, so it shares the tracking store; fails on any error.
     */
    static void runInJShell(String... cells) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JShell shell = JShell.builder().executionEngine("local").out(new PrintStream(out, true))
                .err(new PrintStream(out, true)).build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
            for (String cell : cells) runCell(shell, sca, cell, out);
        }
    }

    private static void runCell(JShell shell, SourceCodeAnalysis sca, String cell, ByteArrayOutputStream out) {
        String java = cell.lines().filter(l -> !l.stripLeading().startsWith("%")).collect(Collectors.joining("\n"));
        assertFalse(java.contains("%maven"), java);
        {
            String remaining = java;
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(remaining);
                String source = info.source() != null ? info.source() : remaining;
                for (SnippetEvent e : shell.eval(source)) {
                    if (e.status() == Snippet.Status.REJECTED) {
                        fail("snippet does not compile: " + source + "\n" + shell.diagnostics(e.snippet())
                                .map(d -> d.getMessage(null)).collect(Collectors.joining("\n")));
                    }
                    if (e.exception() != null) fail("snippet threw: " + source + "\n" + e.exception() + "\n" + out);
                }
                remaining = info.source() != null ? info.remaining() : "";
            }
        }
    }
}
