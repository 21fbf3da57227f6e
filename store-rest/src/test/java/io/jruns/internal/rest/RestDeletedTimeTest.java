package io.jruns.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.SystemTags;
import io.jruns.json.RestJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A deletion time given by the caller (a copy keeps its source's) reaches the server twice:
 * in the tag MLflow servers keep, and in runs/delete's jruns_deleted_time, which jruns ui takes.
 */
class RestDeletedTimeTest extends FakeServerTest {
    RestStore store;

    @BeforeEach
    void setUp() throws Exception {
        store = fx.store();
    }

    private List<JsonNode> deletes() {
        return fx.fake.seen().stream().filter(s -> s.path().endsWith("runs/delete")).map(s -> RestJson.parse(s.body())).toList();
    }

    @Test
    void aGivenTimeGoesWithTheDelete() {
        String id = store.createRun("0", "u", 1L, "r", List.of()).runId();
        store.deleteRun(id, 1_600_000_000_000L);
        assertEquals(1_600_000_000_000L, deletes().get(0).path("jruns_deleted_time").asLong());
        assertEquals(1_600_000_000_000L, store.getRun(id).orElseThrow().info().deletedTime(), "read back from the tag");
    }

    @Test
    void aDeleteWithoutATimeLetsTheServerStampItsOwn() {
        String id = store.createRun("0", "u", 1L, "r", List.of()).runId();
        store.deleteRun(id);
        assertFalse(deletes().get(0).has("jruns_deleted_time"));
    }

    @Test
    void aServerThatRefusesTheFieldStillDeletes() {
        String id = store.createRun("0", "u", 1L, "r", List.of()).runId();
        fx.fake.override = s -> s.body().contains("jruns_deleted_time")
                ? FakeMlflow.error(400, "INVALID_PARAMETER_VALUE", "unknown field jruns_deleted_time") : null;
        store.deleteRun(id, 1_600_000_000_000L);
        assertEquals(LifecycleStage.DELETED, store.getRun(id).orElseThrow().info().lifecycleStage());
        assertEquals(1_600_000_000_000L, store.getRun(id).orElseThrow().info().deletedTime());
        assertEquals(2, deletes().size());
        assertFalse(deletes().get(1).has("jruns_deleted_time"));
        assertFalse(store.getRun(id).orElseThrow().data().tags().containsKey(SystemTags.DELETED_TIME));
    }
}
