package io.jruns.internal.manage;

import io.jruns.RunQuery;

import io.jruns.store.Progress;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.RunInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvExportTest {
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
    void headerRowsQuotingAndNeutralising() throws Exception {
        Path file = dir.resolve("runs.csv");
        assertEquals(2, f.query().orderBy("start_time").exportCsv(file));
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(List.of(
                "Run ID,Name,Source Type,Source Name,User,Status,batch,formula,lr,neg,acc,loss,r2",
                f.small + ",lr-small,NOTEBOOK,\"/work/train, v2.ipynb\",alice,FINISHED,,'=cmd|' /C calc'!A0,0.01,-3,NaN,-0.25,",
                f.big + ",lr-big,,,bob,RUNNING,32,,0.1,,,0.5,0.75"), List.of(csv.split("\r\n")));
        assertTrue(csv.endsWith("\r\n"));
    }

    @Test
    void aKeyThatIsBothAParamAndAMetricSaysWhichInItsTwoHeaders() {
        f.store.logBatch(new io.jruns.domain.LogBatch(f.big, List.of(new io.jruns.domain.Metric("lr", 0.05, 1, 0)),
                List.of(), List.of()));
        StringWriter out = new StringWriter();
        f.query().filter("params.lr = '0.1'").exportCsv(out, Progress.NONE);
        assertEquals("Run ID,Name,Source Type,Source Name,User,Status,batch,params.lr,loss,metrics.lr,r2",
                out.toString().lines().findFirst().orElseThrow());
    }

    @Test
    void onlyTheSelectionAndItsKeys() {
        StringWriter out = new StringWriter();
        assertEquals(1, f.query().filter("params.lr = '0.1'").exportCsv(out, Progress.NONE));
        assertEquals("Run ID,Name,Source Type,Source Name,User,Status,batch,lr,loss,r2\r\n"
                + f.big + ",lr-big,,,bob,RUNNING,32,0.1,0.5,0.75\r\n", out.toString());
        StringWriter none = new StringWriter();
        assertEquals(0, f.query().filter("params.lr = 'nope'").exportCsv(none, Progress.NONE));
        assertEquals("Run ID,Name,Source Type,Source Name,User,Status\r\n", none.toString());
    }

    @Test
    void streamsMoreRunsThanOneBlockInSearchOrder() {
        List<String> ids = new ArrayList<>();
        List<LogBatch> batches = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            RunInfo r = f.store.createRun(f.other, "u", 10_000 + i, "bulk-" + i, List.of());
            ids.add(r.runId());
            batches.add(new LogBatch(r.runId(), List.of(new Metric("m" + (i % 3), i, 1, 0)),
                    List.of(new Param("i", String.valueOf(i))), List.of()));
        }
        f.store.logBatches(batches);
        StringWriter out = new StringWriter();
        List<String> reports = new ArrayList<>();
        long n = f.query().experiments("other").filter("params.i LIKE '%'").orderBy("params.i")
                .exportCsv(out, (what, done, total) -> reports.add(what + " " + done));
        assertEquals(2500, n);
        String[] lines = out.toString().split("\r\n");
        assertEquals("Run ID,Name,Source Type,Source Name,User,Status,i,m0,m1,m2", lines[0]);
        assertEquals(2501, lines.length);
        // params.i sorts as text: 0, 1, 10, 100, 1000, 1001, ...
        assertEquals(ids.get(0) + ",bulk-0,,,u,RUNNING,0,0.0,,", lines[1]);
        assertEquals(ids.get(1000) + ",bulk-1000,,,u,RUNNING,1000,,1000.0,", lines[5]);
        assertEquals(ids.get(999) + ",bulk-999,,,u,RUNNING,999,0.0,,".replace("0.0,,", "999.0,,"), lines[2500]);
        assertEquals("rows written 2500", reports.get(reports.size() - 1));
    }

    @Test
    void theEmbeddedStoresOwnRowsEqualTheGenericOnesByteForByte() {
        f.store.logBatch(new LogBatch(f.big, List.of(new Metric("inf", Double.NEGATIVE_INFINITY, 1, 0),
                new Metric("tiny", 4.9e-324, 1, 0)), List.of(new Param("multi", "a\nb,\"c\"")),
                List.of(new io.jruns.domain.RunTag("mlflow.user", "tagged"))));
        f.store.deleteRun(f.small);
        for (String state : List.of("active", "deleted", "all")) {
            StringWriter fast = new StringWriter();
            StringWriter generic = new StringWriter();
            f.query().state(state).orderBy("params.lr DESC").exportCsv(fast, Progress.NONE);
            new RunQuery(genericCsv(f.store), () -> f.iris, () -> { }).state(state).orderBy("params.lr DESC")
                    .exportCsv(generic, Progress.NONE);
            assertEquals(generic.toString(), fast.toString(), state);
        }
        StringWriter all = new StringWriter();
        f.query().state("all").exportCsv(all, Progress.NONE);
        assertTrue(all.toString().contains(",-Infinity,"), all.toString());
        assertTrue(all.toString().contains(",\"a\nb,\"\"c\"\"\","), all.toString());
    }

    @Test
    void textThatJsonMustEscapeArrivesExactly() {
        // The embedded store hands names, tags and params over as JSON built in SQLite.
        String odd = "q\"b\\s/t\tc\u0001u\u00e9\u4e2d\ud83d\ude00 \\u0041 null";
        String run = f.store.createRun(f.iris, null, 3000, odd, List.of(new io.jruns.domain.RunTag("mlflow.user", "@" + odd),
                new io.jruns.domain.RunTag(io.jruns.domain.SystemTags.SOURCE_NAME, "[" + odd + "]"))).runId();
        f.store.logBatch(new LogBatch(run, List.of(new Metric("m\"" + odd, -0.0, 1, 0), new Metric("big", Double.MAX_VALUE, 1, 0)),
                List.of(new Param(odd, "{" + odd + "}"), new Param("empty", ""), new Param("-k", "+1")), List.of()));
        StringWriter fast = new StringWriter();
        StringWriter generic = new StringWriter();
        f.query().orderBy("start_time").exportCsv(fast, Progress.NONE);
        new RunQuery(genericCsv(f.store), () -> f.iris, () -> { }).orderBy("start_time").exportCsv(generic, Progress.NONE);
        assertEquals(generic.toString(), fast.toString());
        assertTrue(fast.toString().contains(",\"'@" + odd.replace("\"", "\"\"") + "\","), fast.toString());
        assertTrue(fast.toString().contains(",'-k,"), fast.toString());
    }

    /**
     * Metric values by their rank in a run's rows (every run of a block has every key) and by
     * the key join (a run lacks one), in blocks of both kinds and one mixing runs with no
     * metric at all, NaN among them: byte for byte the generic rows.
     */
    @ParameterizedTest(name = "[{index}] the run lacking a key is the {0}th")
    @ValueSource(ints = {-1, 0, 1999, 2000, 2399})
    void metricColumnsByRankOrByJoinAreTheSame(int lacking) {
        List<LogBatch> batches = new ArrayList<>();
        for (int i = 0; i < 2400; i++) {
            RunInfo r = f.store.createRun(f.other, "u", 10_000 + i, "rank-" + i, List.of());
            List<Metric> metrics = new ArrayList<>();
            if (i % 7 != 3) { // every seventh run has no metric at all
                for (String key : List.of("b", "a", "c.d", "a b")) {
                    if (i == lacking && key.equals("c.d")) continue;
                    metrics.add(new Metric(key, i % 11 == 0 && key.equals("a") ? Double.NaN : i + key.length() / 8.0, 1, 0));
                }
            }
            batches.add(new LogBatch(r.runId(), metrics, List.of(new Param("i", String.valueOf(10_000 + i))), List.of()));
        }
        f.store.logBatches(batches);
        StringWriter fast = new StringWriter();
        StringWriter generic = new StringWriter();
        f.query().experiments("other").orderBy("params.i").exportCsv(fast, Progress.NONE);
        new RunQuery(genericCsv(f.store), () -> f.iris, () -> { }).experiments("other").orderBy("params.i")
                .exportCsv(generic, Progress.NONE);
        assertEquals(generic.toString(), fast.toString());
        assertTrue(fast.toString().startsWith("Run ID,Name,Source Type,Source Name,User,Status,i,a,a b,b,c.d\r\n"),
                fast.toString().substring(0, 80));
    }

    /** The same store with CSV rows left to Store's default (runs read with scanRuns, spilled). */
    private static io.jruns.store.Store genericCsv(io.jruns.store.Store real) {
        java.lang.reflect.InvocationHandler h = (proxy, method, args) -> method.getName().equals("csvRows")
                ? java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args)
                : method.invoke(real, args);
        return (io.jruns.store.Store) java.lang.reflect.Proxy.newProxyInstance(io.jruns.store.Store.class.getClassLoader(),
                new Class<?>[]{io.jruns.store.Store.class}, h);
    }

    @Test
    void aFailingWriterIsAClearErrorAndNothingHangs() {
        java.io.Writer broken = new java.io.Writer() {
            @Override
            public void write(char[] b, int off, int len) throws java.io.IOException {
                throw new java.io.IOException("disk full");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        io.jruns.domain.JrunsException e = org.junit.jupiter.api.Assertions.assertThrows(io.jruns.domain.JrunsException.class,
                () -> f.query().exportCsv(broken, Progress.NONE));
        assertEquals("CSV export failed: disk full", e.getMessage());
    }

    @Test
    void maxCapsTheRows() {
        StringWriter out = new StringWriter();
        assertEquals(1, f.query().max(1).exportCsv(out, Progress.NONE));
        assertTrue(out.toString().contains(f.big) && !out.toString().contains(f.small), "newest first");
    }
}
