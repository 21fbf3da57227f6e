package io.jruns.cli;

import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.ViewType;
import io.jruns.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jruns execute} stopped by a signal, on a real kernel: a terminal's Ctrl-C reaches the
 * whole process group (the CLI, nbclient's Python; the kernel has a session of its own), while
 * {@code kill PID}, {@code docker stop} and systemd signal the CLI's JVM alone. Either way the
 * running cell is interrupted, what ran is written and the job's open runs end KILLED; a second
 * signal quits at once, leaving no process behind.
 */
class ExecuteSignalsIT {
    private static final String LOOP = """
            {"cells": [
              {"cell_type": "code", "execution_count": null, "id": "s", "metadata": {}, "outputs": [], "source": "%run start looping"},
              {"cell_type": "code", "execution_count": null, "id": "l", "metadata": {}, "outputs": [],
               "source": "for (long i = 0; ; i++) { Jruns.logMetric(\\"m\\", i, i); if (i % 1000 == 0) Thread.sleep(1); }"}
             ],
             "metadata": {"kernelspec": {"name": "jruns", "display_name": "Java (jruns)", "language": "java"}},
             "nbformat": 4, "nbformat_minor": 5}
            """;
    @TempDir
    static Path tmp;
    static Path prefix;
    /** What the jobs started, ended after each test: one that failed may have left them running. */
    private static final List<ProcessHandle> STARTED = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void installKernel() {
        prefix = tmp.resolve("prefix");
        Cli.Result r = new Cli(tmp.resolve("unused")).libDir(NotebooksIT.ROOT.resolve("cli/target/lib"))
                .run("install", "--prefix", prefix.toString(), "--no-cds");
        assertEquals(0, r.code(), r.toString());
    }

    @AfterEach
    void endLeftovers() {
        STARTED.forEach(ProcessHandle::destroyForcibly);
        STARTED.clear();
    }

    /** A job started as a session of its own (setsid: its pid is its group's), once its cell logs. */
    private record Job(Process process, Path home, Path out, Path log) {
        static Job start(String name) throws Exception {
            Path nb = tmp.resolve(name + ".ipynb");
            Files.writeString(nb, LOOP);
            Path home = tmp.resolve(name + "-home");
            Path out = tmp.resolve(name + "-out.ipynb");
            Path log = tmp.resolve(name + ".log");
            ProcessBuilder pb = new ProcessBuilder("setsid", NotebooksIT.ROOT.resolve("install/jruns").toString(), "execute",
                    nb.toString(), "--output", out.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("JRUNS_HOME", home.toString());
            pb.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
            pb.environment().put("JRUNS_SPARE", "off");
            Job job = new Job(pb.start(), home, out, log);
            STARTED.add(job.process.toHandle());
            job.await(() -> job.run().map(r -> r.data().metrics().containsKey("m")).orElse(false), 120);
            job.process.descendants().forEach(STARTED::add); // nbclient's Python and the kernel, once both run
            assertTrue(job.process.isAlive(), job.text());
            return job;
        }

        /** Waits while the job runs, for at most the seconds given. */
        void await(java.util.function.BooleanSupplier done, int seconds) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!done.getAsBoolean() && System.nanoTime() < deadline && process.isAlive()) Thread.sleep(100);
        }

        void signal(String signal, boolean group) throws Exception {
            String target = (group ? "-" : "") + process.pid();
            new ProcessBuilder("kill", "-" + signal, "--", target).start().waitFor();
        }

        Optional<Run> run() {
            if (!Files.exists(home.resolve("jruns.db"))) return Optional.empty();
            try (Store s = new Cli(home).openStore()) {
                return s.listExperiments(ViewType.ALL).stream()
                        .flatMap(e -> s.listRuns(List.of(e.experimentId()), ViewType.ALL, 10).stream()).findFirst();
            } catch (RuntimeException notYet) {
                return Optional.empty();
            }
        }

        String text() {
            try {
                return Files.readString(log);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a terminal's Ctrl-C, to the whole group      | INT  | true  | interrupting (Ctrl-C again to quit at once)
            kill -INT of the CLI's pid alone             | INT  | false | interrupting (Ctrl-C again to quit at once)
            kill of the CLI's pid alone (docker stop)    | TERM | false | stopping on SIGTERM (signal again to quit at once)
            """)
    void aSignalStopsTheNotebookWritesWhatRanAndEndsItsRunKilled(String how, String signal, boolean group, String said)
            throws Exception {
        Job job = Job.start(signal + group);
        List<ProcessHandle> started = job.process.descendants().toList();
        job.signal(signal, group);
        assertTrue(job.process.waitFor(60, TimeUnit.SECONDS), "it stops");
        String log = job.text();
        assertEquals(1, job.process.exitValue(), log);
        assertTrue(log.contains("jruns execute: " + said), log);
        assertTrue(log.contains("was interrupted; runs it left open ended KILLED"), log);
        assertFalse(log.contains("Traceback"), log);
        assertTrue(Files.exists(job.out) && Files.readString(job.out).contains("cell interrupted"),
                "what ran is written, with where it stopped: " + log);
        Run run = job.run().orElseThrow();
        assertEquals(RunStatus.KILLED, run.info().status(), "a run cut off by a signal is not FINISHED");
        assertTrue(run.data().metrics().get("m").latest() > 0, "what it logged is kept");
        assertAllEnd(started);
    }

    @Test
    void aSecondSignalQuitsAtOnceAndEndsTheKernelToo() throws Exception {
        Job job = Job.start("twice");
        List<ProcessHandle> started = job.process.descendants().toList();
        assertTrue(started.size() >= 2, "nbclient's Python and the kernel: " + started);
        job.signal("TERM", false);
        job.await(() -> job.text().contains("stopping on SIGTERM"), 20); // two at once could come as one
        job.signal("TERM", false);
        assertTrue(job.process.waitFor(20, TimeUnit.SECONDS), "it quits at once");
        assertEquals(143, job.process.exitValue(), job.text());
        assertAllEnd(started);
    }

    /** No orphan keeps running the notebook (before, nbclient and the kernel ran it to its end). */
    private static void assertAllEnd(List<ProcessHandle> processes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) Thread.sleep(100);
        assertEquals(List.of(), processes.stream().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList());
    }
}
