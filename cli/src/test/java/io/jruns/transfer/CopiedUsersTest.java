package io.jruns.transfer;

import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.ViewType;
import io.jruns.internal.embedded.EmbeddedStore;
import io.jruns.store.Progress;
import io.jruns.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A run's user is kept as it was, an empty one too, by copy and by export then import. */
class CopiedUsersTest {
    @TempDir
    Path dir;

    private EmbeddedStore embedded(String name) {
        return new EmbeddedStore(dir.resolve(name).resolve("jruns.db"), dir.resolve(name).resolve("artifacts"));
    }

    /** Run name -> user ("null" for none). */
    private static Map<String, String> users(Store s) {
        Map<String, String> out = new HashMap<>();
        for (var e : s.listExperiments(ViewType.ALL)) {
            for (Run r : s.listRuns(List.of(e.experimentId()), ViewType.ALL, 100)) out.put(r.info().runName(), String.valueOf(r.info().userId()));
        }
        return out;
    }

    @Test
    void anEmptyUserStaysEmptyAndNoUserStaysNone() throws Exception {
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b"); EmbeddedStore c = embedded("c")) {
            String exp = a.createExperiment("exp", null, Map.of());
            Map<String, String> want = new HashMap<>();
            for (String user : new String[]{"", null, "ann"}) {
                String name = "user " + user;
                a.updateRun(a.createRun(exp, user, 1_000, name, List.of()).runId(), RunStatus.FINISHED, 2_000L, null);
                want.put(name, String.valueOf(user));
            }
            assertEquals(want, users(a));
            Transfers.copy(a, "sqlite:///a", b, Selection.all(), Progress.NONE);
            assertEquals(want, users(b), "copy");
            Transfers.export(a, dir.resolve("out"), Selection.all(), Progress.NONE);
            Transfers.importDir(dir.resolve("out"), c, Selection.all(), Progress.NONE);
            assertEquals(want, users(c), "export then import");
        }
    }
}
