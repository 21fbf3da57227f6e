package io.jruns.magics.line;

import io.jruns.magics.MagicsOnStore;
import io.jruns.Jruns;
import io.jruns.domain.JrunsException;
import io.jruns.domain.Run;
import io.jruns.magics.registry.MagicSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** %param, %metric, %tag and %%metrics log a whole line or nothing, and say when they started a run. */
class LoggingMagicsTest extends MagicsOnStore {
    LoggingMagicsTest() {
        super("logging");
    }

    @ParameterizedTest(name = "[{index}] %{0} {1}")
    @CsvSource(delimiter = '|', value = {
            // a key no MLflow accepts, in any alphabet, after a good one
            "param  | rate=0.01 \"bad!key\"=v | %param: invalid param key 'bad!key': only letters, digits, underscores, dashes, periods, spaces, colons and slashes are allowed, not '!'",
            "param  | lr=0.1 lr=0.2          | %param: 'lr' is given twice, as '0.1' and '0.2'; a param cannot change",
            "param  | a=1 kept=2 a=3         | %param: 'a' is given twice, as '1' and '3'; a param cannot change",
            "param  | b=2 first=9            | %param: param 'first' of run '{run}' is already '1' and params cannot change (tried '9'); log it under another key or start a new run",
            "tag    | stage=dev \"x//y\"=1     | %tag: invalid tag key 'x//y': must be a relative path without '.', '..' or '//' segments",
            "tag    | s=a s=b                | %tag: 's' is given twice, as 'a' and 'b'",
            "metric | m=1 \"bad!\"=2           | %metric: invalid metric key 'bad!': only letters, digits, underscores, dashes, periods, spaces, colons and slashes are allowed, not '!'",
            "metric | m=1 m=2                | %metric: 'm' is given twice, as '1' and '2'",
            "tag    | --delete first nosuch  | %tag --delete: run '{run}' has no tag 'nosuch' (nothing was deleted)",
            // braces that do not compile: the line is taken as typed (with a note), and its words are checked as such
            "param  | a=1 b={nope + 1}       | %param: expected KEY=VALUE, got '+'",
    })
    void aRefusedLineLogsNothing(String magic, String args, String message) throws Exception {
        refusedLogsNothing(magic, args, message);
    }

    @org.junit.jupiter.api.Test
    void bracesThatAreNotAnExpressionAreKeptAsTyped() throws Exception {
        line("run", "start r");
        line("tag", "config='{\"a\":1,\"b\":[1,2]}' open={ glob=lib/{a,b}.jar"); // quoted as a shell would
        java.util.Map<String, String> tags = active().data().tags();
        assertEquals("{\"a\":1,\"b\":[1,2]}", tags.get("config"), "JSON in a tag, as IPython leaves a line it cannot expand");
        assertEquals("{", tags.get("open"));
        assertEquals("lib/{a,b}.jar", tags.get("glob"));
    }

    private void refusedLogsNothing(String magic, String args, String message) throws Exception {
        line("run", "start r");
        line("param", "first=1");
        line("tag", "first=1");
        Run before = active();
        JrunsException e = assertThrows(JrunsException.class, () -> line(magic, args));
        assertEquals(message.replace("{run}", before.runId()), e.getMessage());
        Run after = active();
        assertEquals(before.data().params(), after.data().params());
        assertEquals(before.data().tags(), after.data().tags());
        assertEquals(before.data().metrics().keySet(), after.data().metrics().keySet());
    }

    @Test
    void aDollarNameIsAVariableAndBracesAnExpression() throws Exception {
        host.variables.put("lr", 0.05);
        host.variables.put("name", "my run");
        line("run", "start $name");
        host.cell("lr * 2", () -> 0.1);
        line("param", "lr=$lr price=$$5 other=$undefined tag=lr-{lr} twice={lr * 2} json={{\"a\":1}}");
        Run run = active();
        assertEquals("my run", run.info().runName(), "a value with a blank stays one word");
        assertEquals(Map.of("lr", "0.05", "price", "$5", "other", "$undefined", "tag", "lr-0.05", "twice", "0.1",
                "json", "{a:1}"), run.data().params());
    }

    @Test
    void aRefusedLineWithNoActiveRunStartsNone() {
        assertThrows(JrunsException.class, () -> line("param", "a=1 \"bad!\"=2"));
        assertThrows(JrunsException.class, () -> line("param", "a=1 a=2"));
        assertTrue(Jruns.activeRun().isEmpty());
        assertTrue(Jruns.client().listRuns(Jruns.getExperiment().experimentId()).isEmpty());
    }

    @Test
    void theSameValueTwiceIsOneParam() throws Exception {
        line("param", "lr=0.1 lr=0.1");
        assertEquals(Map.of("lr", "0.1"), active().data().params());
    }

    @ParameterizedTest(name = "[{index}] %{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "param  | a=1   | logged 1 param",
            "metric | m=0.5 | logged 1 metric at step 0",
            "tag    | t=x   | set 1 tag",
    })
    void aMagicThatStartsARunSaysWhichAndHowToEndIt(String magic, String args, String said) throws Exception {
        line(magic, args);
        String name = active().info().runName();
        assertEquals(said + " (started run " + name + "; %run end ends it)", host.lastText());
        line(magic, args);
        assertEquals(said, host.lastText(), "a run already active is not announced again");
    }

    @Test
    void metricsCellSaysWhenItStartedTheRun() throws Exception {
        host.variables.put("rmse", 0.5);
        host.cell("double rmse = 0.5;", () -> null);
        magics.run(host, MagicSpec.Kind.CELL, "metrics", "", "double rmse = 0.5;");
        String name = active().info().runName();
        assertEquals("logged rmse=0.5 at step 0 (started run " + name + "; %run end ends it)", host.lastText());
    }
}
