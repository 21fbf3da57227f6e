package io.jruns.cli;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.FileInfo;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import io.jruns.domain.ViewType;
import io.jruns.execute.Jupyter;
import io.jruns.execute.NotebookRun;
import io.jruns.execute.Parameters;
import io.jruns.source.FileDigest;
import io.jruns.store.Store;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Executes the repository's notebooks with real Jupyter (nbconvert) on the jruns kernel,
 * installed by `jruns install --prefix`, and checks what they print and what they logged.
 */
class NotebooksIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    @TempDir
    static Path tmp;
    static Path prefix;

    static Cli cli(Path home) {
        Cli c = new Cli(home).libDir(ROOT.resolve("cli/target/lib"))
                .env("JUPYTER_PATH", prefix.resolve("share/jupyter").toString())
                .env("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        for (String v : Processes.PASSED_ON) {
            if (System.getenv(v) != null) c.env(v, System.getenv(v));
        }
        return c;
    }

    @BeforeAll
    static void installKernel() {
        prefix = tmp.resolve("prefix");
        Cli.Result r = cli(tmp.resolve("unused")).run("install", "--prefix", prefix.toString(), "--no-cds");
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.exists(prefix.resolve("share/jupyter/kernels/jruns/kernel.json")), r.toString());
    }

    @Test
    void quickstartLogsThreeRunsTiedToTheNotebookAndPrintsTheTable() throws Exception {
        Path home = tmp.resolve("quickstart-home");
        Path notebook = ROOT.resolve("notebooks/quickstart.ipynb");
        Path out = tmp.resolve("quickstart.out.ipynb");
        Cli.Result r = cli(home).run("--tracking-uri", home.toString(), "execute", notebook.toString(), "--output", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Experiment Runs: " + notebook), r.out());
        for (String name : List.of("lr 0.003", "lr 0.0003", "lr 0.03")) assertTrue(r.out().contains(name), r.out());
        assertTrue(r.out().contains("200 sales: 160 to train on, 40 to validate"), r.out());
        assertFalse(r.out().lines().anyMatch(l -> l.strip().matches("[0-9.]+")), "no bare echoed value: " + r.out());
        // headless: %ui would start a UI that ends with the job, the command line's stays
        assertTrue(r.out().contains("start it with jruns ui (install/jruns ui from a jruns checkout)"), r.out());
        assertFalse(r.out().contains("%ui"), r.out());
        assertTrue(Files.readString(out).contains("<table"), "the executed notebook keeps the HTML table");

        try (Store store = cli(home).openStore()) {
            Experiment exp = store.getExperimentByName(notebook.toString()).orElseThrow();
            List<Run> runs = store.listRuns(List.of(exp.experimentId()), ViewType.ALL, 100);
            assertEquals(3, runs.size());
            String revision = FileDigest.sha256(notebook);
            for (Run run : runs) {
                assertEquals(RunStatus.FINISHED, run.info().status());
                assertEquals("JOB", run.data().tags().get("mlflow.source.type"));
                assertEquals(notebook.toString(), run.data().tags().get("mlflow.source.name"));
                assertEquals(revision, run.data().tags().get("jruns.notebook.revision"));
                assertTrue(run.data().params().containsKey("learning_rate"), run.data().params().toString());
                assertEquals(30, store.getMetricHistory(run.runId(), "val_rmse").size());
                List<FileInfo> copy = store.listArtifacts(run.runId(), "notebook");
                assertEquals(List.of("notebook/quickstart.ipynb"), copy.stream().filter(x -> !x.isDir()).map(FileInfo::path).toList());
                assertEquals(List.of(), store.listArtifacts(run.runId(), "notebook/ran"),
                        "what ran is the saved copy: not stored twice");
                assertNull(run.data().tags().get(SystemTags.NOTEBOOK_UNSAVED), "a job runs the saved file");
                // nbclient sends no cellId: jruns execute gives the cells ids and sends them, so marks work for jobs
                assertTrue(run.data().tags().get(SystemTags.NOTEBOOK_START_CELL_ID) != null, run.data().tags().toString());
            }
            Run byHand = runs.stream().filter(x -> x.info().runName().equals("lr 0.003")).findFirst().orElseThrow();
            assertEquals("The first setting, step by step", byHand.data().tags().get("mlflow.note.content"));
            assertTrue(byHand.data().metrics().containsKey("final_rmse"), "%%metrics logged the cell's variables");
            assertTrue(byHand.data().metrics().get("final_rmse").latest() < 25, "training converged");
        }
    }

    @Test
    void everyNotebookInTheRepositoryExecutes() throws Exception {
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(ROOT.resolve("notebooks"))) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertTrue(notebooks.size() >= 1);
        for (Path nb : notebooks) {
            Path home = tmp.resolve("all-" + nb.getFileName());
            Cli.Result r = cli(home).run("--tracking-uri", home.toString(), "execute", nb.toString(), "--quiet");
            assertEquals(0, r.code(), nb + ": " + r);
        }
    }

    @Test
    void parametersAreInjectedAndAFailingCellFailsTheCommand() throws Exception {
        Path nb = tmp.resolve("params.ipynb");
        Files.writeString(nb, """
                {"cells": [
                  {"cell_type": "code", "execution_count": null, "id": "p", "metadata": {"tags": ["parameters"]},
                   "outputs": [], "source": "double alpha = 0.1;\\nString label = \\"none\\";"},
                  {"cell_type": "code", "execution_count": null, "id": "r", "metadata": {}, "outputs": [],
                   "source": "%run start job   // a Java comment ends a magic's line"},
                  {"cell_type": "code", "execution_count": null, "id": "a", "metadata": {}, "outputs": [],
                   "source": "System.out.println(\\"alpha=\\" + alpha + \\" label=\\" + label);"},
                  {"cell_type": "code", "execution_count": null, "id": "b", "metadata": {}, "outputs": [],
                   "source": "if (alpha > 1) throw new IllegalStateException(\\"alpha too big\\");"}
                 ],
                 "metadata": {"kernelspec": {"name": "jruns", "display_name": "Java (jruns)", "language": "java"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """);
        Path home = tmp.resolve("params-home");
        Cli.Result ok = cli(home).run("execute", nb.toString(), "-p", "alpha=0.5", "-p", "label=a \"quoted\" word");
        assertEquals(0, ok.code(), ok.toString());
        assertTrue(ok.out().contains("alpha=0.5 label=a \"quoted\" word"), ok.out());

        Path out = tmp.resolve("params-out.ipynb");
        Cli.Result bad = cli(home).run("execute", nb.toString(), "-p", "alpha=2", "--output", out.toString());
        assertEquals(1, bad.code(), bad.toString());
        assertTrue(bad.err().contains("alpha too big"), bad.err());
        assertTrue(bad.err().lines().anyMatch(l -> l.startsWith("jruns: execute: a cell of")), bad.err());
        assertTrue(bad.out().contains("alpha=2.0 label=none"), "the cells before it printed, alpha as declared: " + bad.out());
        assertTrue(bad.err().contains("wrote " + out + " (up to the failing cell)"), bad.err());
        String executed = Files.readString(out);
        assertTrue(executed.contains("alpha=2.0 label=none") && executed.replace(" ", "").contains("\"output_type\":\"error\"")
                && executed.contains("alpha too big"), executed);

        Cli.Result typo = cli(home).run("execute", nb.toString(), "-p", "alpha=abc", "-p", "nosuch=1");
        assertEquals(1, typo.code(), typo.toString());
        assertTrue(typo.err().contains("jruns execute: -p nosuch: the parameters cell declares no 'nosuch' (it declares alpha, label)"),
                typo.err());
        assertTrue(typo.err().contains("-p alpha=abc: the parameters cell declares double alpha, and 'abc' is not a double"), typo.err());
        assertFalse(typo.err().contains("executing"), "refused before a kernel starts: " + typo.err());

        try (Store s = cli(home).openStore()) {
            List<RunStatus> statuses = s.listExperiments(ViewType.ALL).stream()
                    .flatMap(e -> s.listRuns(List.of(e.experimentId()), ViewType.ALL, 10).stream())
                    .sorted(java.util.Comparator.comparingLong(r -> r.info().startTime()))
                    .map(r -> r.info().status()).toList();
            assertEquals(List.of(RunStatus.FINISHED, RunStatus.FAILED), statuses,
                    "a job's run left open ends with the job: finished, then failed at its failing cell");
            List<String> options = s.listExperiments(ViewType.ALL).stream()
                    .flatMap(e -> s.listRuns(List.of(e.experimentId()), ViewType.ALL, 10).stream())
                    .sorted(java.util.Comparator.comparingLong(r -> r.info().startTime()))
                    .map(r -> r.data().tags().get("jruns.execute.parameters")).toList();
            assertEquals(List.of("-p alpha=0.5 -p 'label=a \"quoted\" word'", "-p alpha=2"), options, "the -p options, as typed");
        }
    }

    @Test
    void aNoteCellWritesANoteOfSeveralLinesAndTheRunPageRendersItsMarkdown() throws Exception {
        Path nb = tmp.resolve("note.ipynb");
        Files.writeString(nb, """
                {"cells": [
                  {"cell_type": "code", "execution_count": null, "id": "s", "metadata": {}, "outputs": [], "source": "%run start noted"},
                  {"cell_type": "code", "execution_count": null, "id": "n", "metadata": {}, "outputs": [],
                   "source": "%%note\\n## Findings\\n\\n*lr* matters <b>much</b>"},
                  {"cell_type": "code", "execution_count": null, "id": "e", "metadata": {}, "outputs": [], "source": "%run end"},
                  {"cell_type": "code", "execution_count": null, "id": "v", "metadata": {}, "outputs": [], "source": "%runs show noted"}
                 ],
                 "metadata": {"kernelspec": {"name": "jruns", "display_name": "Java (jruns)", "language": "java"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """);
        Path home = tmp.resolve("note-home");
        Path out = tmp.resolve("note-out.ipynb");
        Cli.Result r = cli(home).run("--tracking-uri", home.toString(), "execute", nb.toString(), "--output", out.toString());
        assertEquals(0, r.code(), r.toString());
        try (Store s = cli(home).openStore()) {
            Run run = s.listExperiments(ViewType.ALL).stream()
                    .flatMap(e -> s.listRuns(List.of(e.experimentId()), ViewType.ALL, 10).stream()).findFirst().orElseThrow();
            assertEquals("## Findings\n\n*lr* matters <b>much</b>", run.data().tags().get("mlflow.note.content"));
        }
        String executed = Files.readString(out);
        assertTrue(executed.contains("<h2>Findings</h2>") && executed.contains("<em>lr</em> matters &lt;b&gt;much&lt;/b&gt;"), executed);
    }

    @Test
    void aMissingKernelIsSaidToBeMissingNamingTheInstalledOnes() throws Exception {
        Path nb = tmp.resolve("tiny.ipynb");
        Files.writeString(nb, """
                {"cells": [{"cell_type": "code", "execution_count": null, "id": "a", "metadata": {}, "outputs": [],
                            "source": "System.out.println(1);"}],
                 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """);
        Cli.Result r = cli(tmp.resolve("nosuch-home")).run("execute", nb.toString(), "--kernel", "nosuch");
        assertEquals(1, r.code(), r.toString());
        String line = r.error(); // one line: no Python traceback, no "a cell failed"
        assertTrue(line.startsWith("jruns: execute: no Jupyter kernel named 'nosuch' (installed: "), line);
        assertTrue(line.matches(".*installed: [^)]*\\bjruns\\b.*"), "lists the installed kernels: " + line);
        assertEquals("", r.out());

        // nbconvert's own NoSuchKernel (a kernelspec gone between the check and the run) is recognised too
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        NotebookRun run = new NotebookRun(nb, new Parameters(), "nosuch", 60, Map.of());
        JrunsException e = assertThrows(JrunsException.class, () -> run.execute(Jupyter.locate(env)));
        assertTrue(e.getMessage().startsWith("execute: no Jupyter kernel named 'nosuch' (installed: "), e.getMessage());
        assertFalse(e.getMessage().contains("Traceback"), e.getMessage());
    }
}
