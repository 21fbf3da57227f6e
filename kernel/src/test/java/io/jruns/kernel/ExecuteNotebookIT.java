package io.jruns.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jruns.kernel.testing.Jupyter;
import io.jruns.kernel.testing.Notebooks;
import io.jruns.kernel.testing.TestJars;
import io.jruns.kernel.testing.TestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Executes notebooks headlessly with {@code jupyter nbconvert --execute}, as CI and {@code jruns execute} do. */
class ExecuteNotebookIT {
    @TempDir
    Path dir;

    @Test
    void executesANotebookWithJavaMagicsAndRichOutput() throws Exception {
        TestJars.compileJar(dir.resolve("lib/greeter.jar"), Map.of("demo.Greeter",
                "package demo; public class Greeter { public static String hello(String n) { return \"hello \" + n; } }"), List.of());
        TestRepository repo = TestRepository.create(dir.resolve("maven"));
        Path nb = Notebooks.write(dir.resolve("demo.ipynb"), List.of(
                "int a = 20;\nint b = 22;\na + b",
                "System.out.println(\"to stdout\");\nSystem.err.println(\"to stderr\");",
                "%jars lib/*.jar",
                "demo.Greeter.hello(\"nb\")",
                "%maven " + TestRepository.APP,
                "org.example.app.App.greet(\"maven\") + \" \" + org.example.extra.Extra.answer()",
                "var d = new org.dflib.jjava.jupyter.kernel.display.DisplayData(\"plain\");\nd.putHTML(\"<b>bold</b>\");\ndisplay(d)",
                "record Point(int x, int y) { }\nnew Point(1, 2)",
                "%notebook",
                "%notebook renamed.ipynb"));
        ProcessBuilder pb = nbconvert(nb, "out.ipynb");
        pb.environment().put("JRUNS_MAVEN_SETTINGS", repo.settings().toString());
        Jupyter.Result r = Jupyter.run(pb, Duration.ofMinutes(3));
        assertEquals(0, r.exitCode(), r.output());
        JsonArray cells = cells(dir.resolve("out.ipynb"));
        assertEquals("42", result(cells.get(0)));
        assertEquals("to stdout\n", stream(cells.get(1), "stdout"));
        assertEquals("to stderr\n", stream(cells.get(1), "stderr"));
        assertEquals("Added 1 jar to the class path\n", stream(cells.get(2), "stdout"));
        assertEquals("hello nb", result(cells.get(3)));
        assertTrue(stream(cells.get(4), "stdout").contains("added 3 jars to the class path"), cells.get(4).toString());
        assertEquals("Hello, maven! 42", result(cells.get(5)));
        JsonObject display = outputs(cells.get(6)).get(0).getAsJsonObject();
        assertEquals("display_data", display.get("output_type").getAsString());
        assertEquals("<b>bold</b>", text(display.getAsJsonObject("data").get("text/html")));
        assertEquals(1, outputs(cells.get(6)).size(), "display(d) as last expression must not also show its id");
        assertEquals("Point[x=1, y=2]", result(cells.get(7)));
        assertTrue(result(cells.get(8)).startsWith("Notebook: unknown"), result(cells.get(8)));
        assertEquals("Notebook: " + dir.toRealPath().resolve("renamed.ipynb") + " (set with %notebook)", result(cells.get(9)));
        assertTrue(Files.isDirectory(repo.local().resolve("org/example/jruns/greeting-lib/1.0")),
                "jars came through the settings' local repository");
    }

    @Test
    void aFailingCellStopsNbconvertWithNonZeroExit() throws Exception {
        Path nb = Notebooks.write(dir.resolve("failing.ipynb"), List.of(
                "System.out.println(\"before\");",
                "throw new IllegalStateException(\"boom in cell two\");",
                "System.out.println(\"after\");"));
        Jupyter.Result r = Jupyter.run(nbconvert(nb, "failing-out.ipynb"), Duration.ofMinutes(3));
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("IllegalStateException"), r.output());
        assertTrue(r.output().contains("boom in cell two"), r.output());
    }

    @Test
    void aCompileErrorAlsoFailsTheRun() throws Exception {
        Path nb = Notebooks.write(dir.resolve("typo.ipynb"), List.of("int x = 1;", "int y = x +* 2;"));
        Jupyter.Result r = Jupyter.run(nbconvert(nb, "typo-out.ipynb"), Duration.ofMinutes(3));
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("CompilationError"), r.output());
    }

    private ProcessBuilder nbconvert(Path nb, String output) throws Exception {
        return Jupyter.process(List.of(Jupyter.JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
                nb.getFileName().toString(), "--output", output), dir);
    }

    private static JsonArray cells(Path nb) throws Exception {
        return JsonParser.parseString(Files.readString(nb)).getAsJsonObject().getAsJsonArray("cells");
    }

    private static JsonArray outputs(JsonElement cell) {
        return cell.getAsJsonObject().getAsJsonArray("outputs");
    }

    private static String result(JsonElement cell) {
        for (JsonElement o : outputs(cell)) {
            JsonObject out = o.getAsJsonObject();
            if (out.get("output_type").getAsString().equals("execute_result")) {
                return text(out.getAsJsonObject("data").get("text/plain"));
            }
        }
        throw new AssertionError("no execute_result in " + cell);
    }

    private static String stream(JsonElement cell, String name) {
        StringBuilder sb = new StringBuilder();
        for (JsonElement o : outputs(cell)) {
            JsonObject out = o.getAsJsonObject();
            if (out.get("output_type").getAsString().equals("stream") && out.get("name").getAsString().equals(name)) {
                sb.append(text(out.get("text")));
            }
        }
        return sb.toString();
    }

    /** nbformat stores multi-line text as a list of lines. */
    private static String text(JsonElement e) {
        if (e.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            e.getAsJsonArray().forEach(x -> sb.append(x.getAsString()));
            return sb.toString();
        }
        return e.getAsString();
    }
}
