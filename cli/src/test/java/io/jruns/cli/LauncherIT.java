package io.jruns.cli;

import io.jruns.domain.Run;
import io.jruns.json.RestJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real {@code install/jruns} script in child processes. Runs in Maven's integration-test
 * phase (failsafe), after package has built the jar and lib/ it starts. {@code JRUNS_MVN=false}
 * makes any build attempt fail loudly, which proves an up-to-date launcher never calls Maven.
 */
class LauncherIT {
    static final Path MODULE = Paths.get(System.getProperty("basedir", "")).toAbsolutePath();
    static final Path LAUNCHER = MODULE.resolveSibling("install").resolve("jruns");

    @TempDir
    Path tmp;
    Processes proc;

    @BeforeEach
    void environment() {
        proc = new Processes(tmp.resolve("home"));
        assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " is missing or not executable");
        assertTrue(Files.isRegularFile(MODULE.resolve("target/jruns-cli.jar")),
                "run through 'mvn verify': the IT needs the packaged jar");
    }

    @Test
    void anUpToDateLauncherStartsJavaWithoutMaven() {
        Processes.Result r = proc.run(tmp, 60, Map.of("JRUNS_MVN", "false"), LAUNCHER.toString(), "--version");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().matches("jruns \\d+\\.\\d+\\.\\d+\\S*\\n"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void aProgramOnTheClasspathLogsARunTheCommandsThenShow() throws IOException {
        Path prog = Files.createDirectories(tmp.resolve("prog"));
        Files.writeString(prog.resolve("Train.java"), """
                import io.jruns.ActiveRun;
                import io.jruns.Jruns;

                public class Train {
                    public static void main(String[] args) {
                        Jruns.setExperiment("launcher-e2e");
                        try (ActiveRun run = Jruns.startRun("e2e-run")) {
                            Jruns.logParam("alpha", 0.5);
                            for (int step = 0; step < 5; step++) Jruns.logMetric("loss", 1.0 / (step + 1), step);
                            Jruns.logMetric("gap", Double.NaN);
                            System.out.println(run.runId());
                        }
                    }
                }
                """);
        Map<String, String> noBuild = Map.of("JRUNS_MVN", "false", "JRUNS", LAUNCHER.toString());
        // Exactly what the README tells people to type.
        Processes.Result train = proc.run(prog, 120, noBuild, "bash", "-c", "java -cp \"$(\"$JRUNS\" classpath)\" Train.java");
        assertEquals(0, train.code(), train.toString());
        String runId = train.out().strip();
        assertTrue(runId.matches("[0-9a-f]{32}"), train.toString());

        Processes.Result list = proc.run(prog, 60, noBuild, LAUNCHER.toString(), "runs", "list");
        assertEquals(0, list.code(), list.toString());
        List<String> row = Tables.cells(list.out()).get(1);
        assertEquals(List.of(runId, "e2e-run", "launcher-e2e", "FINISHED"), row.subList(0, 4));
        assertTrue(Tables.cells(list.out()).get(0).containsAll(List.of("params.alpha", "metrics.loss", "metrics.gap")));

        Processes.Result get = proc.run(prog, 60, noBuild, LAUNCHER.toString(), "runs", "get", runId, "--format", "json");
        Run run = RestJson.readRun(get.out());
        assertEquals("e2e-run", run.info().runName());
        assertEquals("0.5", run.data().params().get("alpha"));
        assertEquals(0.2, run.metric("loss").orElseThrow());
        assertTrue(Double.isNaN(run.metric("gap").orElseThrow()));

        Processes.Result csv = proc.run(prog, 60, noBuild, LAUNCHER.toString(), "runs", "metric-history", runId, "loss",
                "--format", "csv");
        List<String> lines = csv.out().lines().toList();
        assertEquals(6, lines.size(), csv.toString());
        assertTrue(lines.get(5).startsWith("4,") && lines.get(5).endsWith(",0.2"), lines.get(5));
    }

    /** From JDK 24 sqlite-jdbc warns on loading its library unless the launcher enables native access. */
    @Test
    void onJdk24AndLaterCommandsPrintNoWarning() throws IOException {
        Optional<Path> jdk = Jdks.newest().filter(d -> Jdks.release(d) >= 24);
        assumeTrue(jdk.isPresent(), "no JDK 24 or later in /usr/lib/jvm");
        String path = jdk.get().resolve("bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (Map<String, String> java : List.of(Map.of("JAVA_HOME", jdk.get().toString()), Map.of("JAVA_HOME", "", "PATH", path))) {
            Map<String, String> env = new HashMap<>(java);
            env.put("JRUNS_MVN", "false");
            Processes.Result r = proc.run(tmp, 60, env, LAUNCHER.toString(), "runs", "list");
            assertEquals(0, r.code(), r.toString());
            assertEquals("No runs.\n", r.err(), "the command's note, and nothing of the JDK's, with " + java);
        }
        // and that JDK has a start-up archive of its own, which its next command maps
        String release = Files.readString(jdk.get().resolve("release"));
        String version = release.substring(release.indexOf("JAVA_VERSION=\"") + 14).split("\"")[0];
        assertTrue(Files.isRegularFile(MODULE.resolve("target/jruns-cli-" + version + ".jsa")), "archives: " + archives());
        Processes.Result loaded = proc.run(tmp, 60, Map.of("JRUNS_MVN", "false", "JAVA_HOME", jdk.get().toString(),
                "JRUNS_JAVA_OPTS", "-Xlog:class+load=info"), LAUNCHER.toString(), "runs", "list");
        assertTrue(loaded.out().lines().anyMatch(l -> l.contains(" io.jruns.") && l.contains("shared objects file (top)")),
                loaded.out().lines().limit(20).toList().toString());
    }

    @Test
    void failuresAreOneLineWithTheirExitCodes() {
        Map<String, String> noBuild = Map.of("JRUNS_MVN", "false");
        Processes.Result missing = proc.run(tmp, 60, noBuild, LAUNCHER.toString(), "runs", "get", "nope");
        assertEquals(1, missing.code(), missing.toString());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("jruns: no run 'nope'"), missing.err());
        Processes.Result usage = proc.run(tmp, 60, noBuild, LAUNCHER.toString(), "runs", "list", "--max", "none");
        assertEquals(2, usage.code(), usage.toString());
        assertEquals("jruns: runs list: --max needs a positive integer, got 'none'\n", usage.err());
    }

    /** Commands map their classes from an archive, dumped once per build on a store of its own. */
    @Test
    void commandsLoadTheirClassesFromAnArchiveDumpedOnce() throws IOException {
        for (Path old : archives()) {
            Files.delete(old);
        }
        Map<String, String> env = Map.of("JRUNS_MVN", "false", "JRUNS_JAVA_OPTS", "-Xlog:class+load=info");

        Processes.Result version = proc.run(tmp, 120, env, LAUNCHER.toString(), "--version");
        assertEquals(0, version.code(), version.toString());
        assertEquals("", version.err());
        List<Path> dumped = archives();
        assertEquals(1, dumped.size(), "the first command dumps the archive: " + dumped);
        assertTrue(dumped.get(0).getFileName().toString().matches("jruns-cli-\\d[^/]*\\.jsa"), "named for its JDK: " + dumped);
        assertFalse(Files.exists(tmp.resolve("home")), "the dump's runs list never touches the user's store");

        Processes.Result list = proc.run(tmp, 60, env, LAUNCHER.toString(), "runs", "list");
        assertEquals(0, list.code(), list.toString());
        long shared = list.out().lines().filter(l -> l.contains(" io.jruns.") && l.contains("shared objects file (top)")).count();
        assertTrue(shared > 50, "jruns classes from the archive: " + shared + "\n" + list.out().lines().limit(20).toList());
        assertEquals("No runs.\n", list.err(), "the command itself ran (its note goes to stderr)");
    }

    /** The command line's start-up archives, and their markers of a failed dump. */
    static List<Path> archives() throws IOException {
        try (var files = Files.list(MODULE.resolve("target"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("jruns-cli") && f.toString().contains(".jsa")).sorted().toList();
        }
    }

    /** A copy of the sources: the launcher builds what is missing, then only what is stale. */
    @Test
    void aMissingOrStaleAssemblyIsBuiltFirst() throws IOException {
        Path repo = SourceCopy.of(MODULE.getParent(), tmp.resolve("repo"));
        String launcher = repo.resolve("install/jruns").toString();

        // the command that built still reports its own error (stderr is not lost after a build)
        Processes.Result first = proc.run(tmp, 900, Map.of("JRUNS_MVN", "mvn -o"), launcher, "runs", "get", "nope");
        assertEquals(1, first.code(), first.toString());
        assertTrue(first.err().startsWith("jruns: no run 'nope'"), "a successful build is quiet\n" + first);
        assertEquals(1, first.err().lines().count(), first.toString());

        Processes.Result second = proc.run(tmp, 60, Map.of("JRUNS_MVN", "false"), launcher, "classpath");
        assertEquals(0, second.code(), "up to date: no Maven\n" + second);
        assertTrue(second.out().startsWith(repo.resolve("cli/target/lib/jruns-tracking-") + ""), second.out());

        Path source = repo.resolve("tracking/src/main/java/io/jruns/Jruns.java");
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));
        Processes.Result stale = proc.run(tmp, 60, Map.of("JRUNS_MVN", "false"), launcher, "--version");
        assertEquals(1, stale.code(), "a newer source makes it build\n" + stale);
        assertTrue(stale.err().startsWith("jruns: building the command line failed (cd " + repo), stale.err());
        assertEquals("", stale.out());
    }
}
