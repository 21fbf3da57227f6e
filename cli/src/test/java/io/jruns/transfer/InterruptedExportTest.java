package io.jruns.transfer;

import io.jruns.internal.embedded.EmbeddedStore;
import io.jruns.store.Progress;
import io.jruns.store.StoreReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An export killed mid-run leaves no run folder that looks complete; exporting again completes it. */
class InterruptedExportTest {
    @TempDir
    Path dir;

    private EmbeddedStore embedded(String name) {
        return new EmbeddedStore(dir.resolve(name).resolve("jruns.db"), dir.resolve(name).resolve("artifacts"));
    }

    /** Folders below {@code out} named like a run folder of an export (32 hex digits or a partial one). */
    private static List<String> runFolders(Path out) throws Exception {
        try (Stream<Path> all = Files.walk(out)) {
            return all.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\.?[0-9a-f]{32}(\\.partial)?")).sorted().toList();
        }
    }

    @Test
    void aRunHalfWrittenIsNotImportedAndTheNextExportCompletesIt() throws Exception {
        Path out = dir.resolve("out");
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b")) {
            TransferFixture.populate(a, dir.resolve("scratch"));
            String parent = a.listRuns(List.of(a.getExperimentByName("exp one").orElseThrow().experimentId()),
                    io.jruns.domain.ViewType.ALL, 10).stream().filter(r -> r.info().runName().equals("parent"))
                    .findFirst().orElseThrow().runId();
            // stopped while a writer copies the parent's artifact (it is gone): its meta.yaml, params, tags and metrics are written
            StoreReader dying = (StoreReader) java.lang.reflect.Proxy.newProxyInstance(StoreReader.class.getClassLoader(),
                    new Class<?>[]{StoreReader.class}, (proxy, m, args) -> {
                        if (m.getName().equals("downloadArtifact") && parent.equals(args[0])) return dir.resolve("gone");
                        try {
                            return m.invoke(a, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            assertThrows(java.io.UncheckedIOException.class, () -> Transfers.export(dying, out, Selection.all(), Progress.NONE));
            TransferReport half = Transfers.importDir(out, b, Selection.all(), Progress.NONE);
            assertTrue(RunSnapshot.of(b).keySet().stream().noneMatch(k -> k.endsWith("/parent")), "the half run is not imported");
            assertTrue(String.join("; ", half.leftOut()).contains("/." + parent + ".partial, a run an export was writing"
                    + " when it stopped (export again with --force)"), half.leftOut().toString());
            assertTrue(runFolders(out).contains("." + parent + ".partial"), runFolders(out).toString());
            assertTrue(!runFolders(out).contains(parent), "no folder that looks like the whole run: " + runFolders(out));

            Transfers.export(a, out, Selection.all(), Progress.NONE); // as --force does
            assertTrue(runFolders(out).stream().noneMatch(n -> n.endsWith(".partial")), runFolders(out).toString());
            TransferReport rest = Transfers.importDir(out, b, Selection.all(), Progress.NONE);
            assertEquals(List.of(), rest.leftOut());
            assertEquals(RunSnapshot.of(a), RunSnapshot.of(b), "the second import brought the run whole, its children"
                    + " (imported the first time) now linked to it");
        }
    }
}
