package io.jruns.kernel.env;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.kernel.testing.Jupyter;
import io.jruns.kernel.testing.Notebooks;
import io.jruns.kernel.testing.TestJars;
import io.jruns.kernel.testing.TestRepository;
import io.jruns.model.LoadedModel;
import io.jruns.model.Models;
import io.jruns.model.Requirements;
import io.jruns.TrackingClient;
import io.jruns.reproduce.EnvironmentArtifact;
import io.jruns.reproduce.Library;
import io.jruns.reproduce.RunEnvironment;
import io.jruns.source.FileDigest;
import io.jruns.store.Store;
import io.jruns.store.Stores;
import io.jruns.store.TrackingUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real kernel (nbconvert) adds libraries with %jars and %maven, starts a run and logs a model:
 * the run's environment.json names the kernel and those libraries, and so does the model.
 */
class EnvironmentInKernelIT {
    @TempDir
    Path dir;

    @Test
    void aNotebookRunRecordsItsKernelAndLibrariesAndItsModelNamesThem() throws Exception {
        List<Path> kernelLib;
        try (Stream<Path> s = Files.list(Path.of("target/lib"))) {
            kernelLib = s.filter(p -> p.toString().endsWith(".jar")).toList();
        }
        Path jar = TestJars.compileJar(dir.resolve("lib/doubler.jar"), Map.of("demo.Doubler", """
                package demo;
                public class Doubler implements io.jruns.model.Predictor, java.io.Serializable {
                    public Object predict(tech.tablesaw.api.Table t) { return t.doubleColumn("x").multiply(2).setName("y"); }
                }"""), kernelLib);
        TestRepository repo = TestRepository.create(dir.resolve("maven"));
        Path home = dir.resolve("home");
        Path nb = Notebooks.write(dir.resolve("env.ipynb"), List.of(
                "%jars lib/*.jar",
                "%maven " + TestRepository.APP,
                "%run start trained",
                "var model = new demo.Doubler();\nvar sample = tech.tablesaw.api.Table.create(\"s\", "
                        + "tech.tablesaw.api.DoubleColumn.create(\"x\", 1.5, 2.0));",
                "%log_model model --input-example sample",
                "io.jruns.model.Models.load(\"runs:/\" + Jruns.activeRun().get().runId() + \"/model\").predict(sample)"
                        + ".doubleColumn(\"y\").asList()",
                "%reproduce trained --show-libraries",
                "%run end",
                "%reproduce trained --to clone"));
        ProcessBuilder pb = Jupyter.process(List.of(Jupyter.JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
                nb.getFileName().toString(), "--output", "out.ipynb"), dir);
        pb.environment().put("JRUNS_MAVEN_SETTINGS", repo.settings().toString());
        pb.environment().put("JRUNS_HOME", home.toString());
        pb.environment().put("JRUNS_NOTEBOOK", nb.toAbsolutePath().toString()); // as jruns execute does: the copy is stored
        Jupyter.Result r = Jupyter.run(pb, Duration.ofMinutes(3));
        assertEquals(0, r.exitCode(), r.output());
        JsonArray cells = JsonParser.parseString(Files.readString(dir.resolve("out.ipynb"))).getAsJsonObject().getAsJsonArray("cells");
        assertTrue(text(cells.get(4)).contains("Logged model 'model' (Doubler, java_serialization"), text(cells.get(4)));
        assertTrue(text(cells.get(5)).contains("[3.0, 4.0]"), "loaded back in the kernel: " + text(cells.get(5)));
        String libs = text(cells.get(6));
        assertTrue(libs.contains(TestRepository.APP) && libs.contains(jar.toRealPath().toString()), libs);
        String reproduced = text(cells.get(8));
        assertTrue(reproduced.contains("kernel: jruns (still installed)"), reproduced);
        assertTrue(reproduced.contains("Reproduced run trained as " + dir.toRealPath().resolve("clone/env.ipynb")), reproduced);
        String setup = Files.readString(dir.resolve("clone/env.ipynb"));
        assertTrue(setup.contains("%maven " + TestRepository.APP) && setup.contains("%jars \\\"" + jar.toRealPath()), setup);

        try (Store store = Stores.open(TrackingUri.resolve(home.toString(), Map.of()))) {
            String exp = store.listExperiments(ViewType.ALL).stream().filter(e -> e.name().endsWith("env.ipynb"))
                    .findFirst().orElseThrow().experimentId();
            Run run = store.listRuns(List.of(exp), ViewType.ALL, 10).get(0);
            TrackingClient reader = TrackingClient.of(store);
            RunEnvironment env = EnvironmentArtifact.read(reader, run.runId()).orElseThrow();
            assertEquals("jruns", env.kernel().name());
            assertEquals(Jupyter.prefix().resolve("share/jupyter/kernels/jruns").toRealPath().toString(),
                    Path.of(env.kernel().resourceDir()).toRealPath().toString());
            Path realJar = jar.toRealPath();
            assertEquals(List.of(Library.maven(TestRepository.APP), Library.jar(realJar.toString(), FileDigest.sha256(jar), "%jars lib/*.jar")),
                    env.libraries());
            assertEquals("jruns", run.data().tags().get("jruns.kernel.spec"));
            assertEquals("2", run.data().tags().get("jruns.env.libraries"));

            Requirements req = Requirements.parse(Files.readString(store.downloadArtifact(run.runId(), "model/java_env.yaml")));
            assertEquals(List.of(TestRepository.APP), req.maven());
            assertEquals(Map.of(realJar.toString(), FileDigest.sha256(jar)), req.jars());

            try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, getClass().getClassLoader())) {
                LoadedModel m = Models.load("runs:/" + run.runId() + "/model", reader, loader);
                assertEquals(List.of(10.0), m.predict(Table.create("t", DoubleColumn.create("x", 5.0))).doubleColumn("y").asList());
            }
        }
    }

    private static String text(JsonElement cell) {
        StringBuilder b = new StringBuilder();
        for (JsonElement o : cell.getAsJsonObject().getAsJsonArray("outputs")) {
            var out = o.getAsJsonObject();
            JsonElement t = out.has("text") ? out.get("text") : out.getAsJsonObject("data").get("text/plain");
            if (t == null) continue;
            if (t.isJsonArray()) t.getAsJsonArray().forEach(x -> b.append(x.getAsString()));
            else b.append(t.getAsString());
        }
        return b.toString();
    }
}
