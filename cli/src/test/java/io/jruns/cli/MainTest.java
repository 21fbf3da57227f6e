package io.jruns.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @TempDir
    Path home;

    @Test
    void helpListsEveryCommandOfTheRegistry() {
        for (String[] argv : new String[][]{{"--help"}, {"help"}, {"-h"}}) {
            Cli.Result r = new Cli(home).run(argv);
            assertEquals(0, r.code());
            assertEquals("", r.err());
            for (Command c : Commands.standard().all()) {
                assertTrue(r.out().contains("\n  " + c.spec().name() + " "), c.spec().name() + " missing from\n" + r.out());
                assertTrue(r.out().contains(c.spec().summary()));
            }
            assertTrue(r.out().contains("--tracking-uri URI"));
        }
    }

    @Test
    void eachCommandHasItsOwnHelp() {
        for (Command c : Commands.standard().all()) {
            List<String> words = c.spec().words();
            Cli.Result viaHelp = new Cli(home).run(concat(List.of("help"), words));
            Cli.Result viaFlag = new Cli(home).run(concat(words, List.of("--help")));
            assertEquals(0, viaHelp.code(), viaHelp.toString());
            assertTrue(viaHelp.out().startsWith("Usage: " + c.spec().usage() + "\n"), viaHelp.out());
            assertEquals(viaHelp.out(), viaFlag.out());
            Cli.Result quoted = new Cli(home).run("help", c.spec().name());            // jruns help "runs get"
            Cli.Result shortFlag = new Cli(home).run(concat(words, List.of("-h")));
            Cli.Result afterArgs = new Cli(home).run(concat(words, List.of("SOME-ARG", "--help")));
            for (Cli.Result r : List.of(viaFlag, quoted, shortFlag, afterArgs)) {
                assertEquals(0, r.code(), c.spec().name() + ": " + r);
                assertEquals("", r.err(), c.spec().name() + ": " + r);
                assertEquals(viaHelp.out(), r.out(), c.spec().name());
            }
            c.spec().options().forEach(o -> assertTrue(viaHelp.out().contains("  " + o.name()), o.name()));
            assertTrue(viaHelp.out().lines().allMatch(l -> l.length() <= 80), viaHelp.out());
        }
        assertFalse(Files.exists(home.resolve("jruns.db")), "help never opens a store");
    }

    /** Groups (runs, experiments) answer --help too, listing their subcommands. */
    @Test
    void everyCommandGroupHasHelp() {
        java.util.Set<String> groups = new java.util.LinkedHashSet<>();
        for (Command c : Commands.standard().all()) if (c.spec().words().size() > 1) groups.add(c.spec().words().get(0));
        assertEquals(List.of("experiments", "runs"), List.copyOf(new java.util.TreeSet<>(groups)));
        for (String group : groups) {
            Cli.Result viaFlag = new Cli(home).run(group, "--help");
            assertEquals(0, viaFlag.code(), viaFlag.toString());
            assertEquals("", viaFlag.err());
            assertTrue(viaFlag.out().startsWith("Usage: jruns " + group + " SUBCOMMAND"), viaFlag.out());
            for (Command c : Commands.standard().all()) {
                List<String> w = c.spec().words();
                if (w.size() > 1 && w.get(0).equals(group)) {
                    assertTrue(viaFlag.out().contains("\n  " + w.get(1) + " "), w + " missing from\n" + viaFlag.out());
                    assertTrue(viaFlag.out().contains(c.spec().summary()), c.spec().summary());
                }
            }
            assertTrue(viaFlag.out().lines().allMatch(l -> l.length() <= 80), viaFlag.out());
            for (String[] argv : new String[][]{{group, "-h"}, {"help", group}, {"--help", group}}) {
                Cli.Result r = new Cli(home).run(argv);
                assertEquals(0, r.code(), String.join(" ", argv) + ": " + r);
                assertEquals(viaFlag.out(), r.out(), String.join(" ", argv));
            }
        }
        assertFalse(Files.exists(home.resolve("jruns.db")), "help never opens a store");
    }

    @Test
    void requiredOptionsShowWithoutBrackets() {
        assertTrue(new Cli(home).run("help", "copy").out().startsWith("Usage: jruns copy --from URI --to URI "));
        assertTrue(new Cli(home).run("help", "export").out().contains(" --to DIR [--force]"));
    }

    @Test
    void versionComesFromTheBuild() {
        Cli.Result r = new Cli(home).run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().matches("jruns \\d+\\.\\d+\\.\\d+[-.\\w]*\\n"), r.out());
    }

    @Test
    void noArgumentsIsAUsageErrorShowingTheOverview() {
        Cli.Result r = new Cli(home).run();
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("Usage: jruns [--tracking-uri URI] COMMAND"), r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "frobnicate              | jruns: unknown command 'frobnicate' (see 'jruns help')",
            "runs                    | jruns: 'runs' needs a subcommand: one of list, get, metric-history, search, rename, tag, untag, delete, restore, end",
            "runs frob x             | jruns: unknown command 'runs frob': one of list, get, metric-history, search, rename, tag, untag, delete, restore, end",
            "experiments             | jruns: 'experiments' needs a subcommand: one of list",
            "help runs nope          | jruns: help: no command 'runs nope' (see 'jruns help')",
            "--tracking-uri          | jruns: --tracking-uri needs a value (URI)",
            "--tracking-uri= runs list | jruns: --tracking-uri is empty",
            "execute nb.ipynb -p noequals | jruns: -p expects NAME=VALUE, got 'noequals'",
            "runs rename x ''       | jruns: runs rename needs a new name, got an empty one"})
    void usageErrorsExitTwoWithOneLine(String args, String message) {
        Cli.Result r = new Cli(home).run(java.util.Arrays.stream(args.split(" ")).map(a -> a.equals("''") ? "" : a)
                .toArray(String[]::new));
        assertEquals(2, r.code(), r.toString());
        assertEquals(message, r.error());
        assertEquals("", r.out());
    }

    @Test
    void trackingUriOptionWorksAnywhereAndBeatsTheEnvironment() {
        Path other = home.resolve("other");
        Seed seed = Seed.into(new Cli(other));
        Cli cli = new Cli(home).env("JRUNS_TRACKING_URI", home.resolve("elsewhere").toString());
        for (String[] argv : new String[][]{
                {"--tracking-uri", other.toString(), "runs", "list", "--experiment", "nlp"},
                {"runs", "list", "--experiment", "nlp", "--tracking-uri=" + other},
                {"runs", "--tracking-uri", other.toString(), "list", "--experiment", "nlp"}}) {
            Cli.Result r = cli.run(argv);
            assertEquals(0, r.code(), r.toString());
            assertEquals(seed.bert, Tables.cells(r.out()).get(1).get(0));
        }
    }

    @Test
    void theEnvironmentChoosesTheStoreWithoutTheOption() {
        Path other = home.resolve("by-env");
        Seed seed = Seed.into(new Cli(other));
        Cli.Result r = new Cli(home).env("MLFLOW_TRACKING_URI", other.toString()).run("runs", "list", "--experiment", "nlp");
        assertEquals(seed.bert, Tables.cells(r.out()).get(1).get(0));
        assertEquals(1, new Cli(home).run("runs", "list", "--experiment", "nlp").code(), "not in JRUNS_HOME");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:9      | jruns: http://127.0.0.1:9: cannot connect (is the server running?)",
            "ftp://host/x            | jruns: tracking URI scheme of 'ftp://host/x' is not supported"})
    void storeProblemsExitOneWithOneLineAndNoStackTrace(String uri, String start) {
        Cli.Result r = new Cli(home).run("--tracking-uri", uri, "experiments", "list");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.error().startsWith(start), r.error());
    }

    @Test
    void anUnusableStoreFolderIsOneLine() throws IOException {
        Path file = Files.writeString(home.resolve("plain-file"), "not a folder");
        Cli.Result r = new Cli(home).run("--tracking-uri", file.resolve("store").toString(), "experiments", "list");
        assertEquals(1, r.code(), r.toString());
        assertEquals("jruns: cannot create the jruns store folder " + file.resolve("store") + ": " + file
                + " is a file, not a folder", r.error());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void theDefaultLibFolderIsBesideTheClasses() {
        Path lib = Environment.defaultLibDir();
        assertEquals("lib", lib.getFileName().toString());
        assertEquals("target", lib.getParent().getFileName().toString());
    }

    private static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }
}
