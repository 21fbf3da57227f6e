package io.jruns.internal.ui.api;

import io.jruns.domain.Experiment;
import io.jruns.domain.JrunsException;
import io.jruns.domain.LifecycleStage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExperimentFilterTest {
    static final Experiment A = exp("1", "probe-a", 100, Map.of("team", "java"));
    static final Experiment B = exp("2", "Probe and more", 200, Map.of("team", "py", "odd key", "x"));
    static final Experiment C = exp("3", "other 'quoted'", 300, Map.of());
    static final List<Experiment> ALL = List.of(A, B, C);

    @Test
    void namesTagsAndTimesJoinedByAnd() {
        assertEquals(List.of(A), find("name LIKE 'probe%'"));
        assertEquals(List.of(A, B), find("name ILIKE 'probe%'"));
        assertEquals(List.of(B), find("attributes.name ILIKE 'probe%' AND tags.team = 'py'"));
        assertEquals(List.of(B), find("tags.`odd key` = \"x\""));
        assertEquals(List.of(A), find("tags.team != 'py' and creation_time != 200"), "a missing tag matches nothing, not even != (as in MLflow)");
        assertEquals(List.of(B, C), find("creation_time >= 200"));
        assertEquals(List.of(B), find("name = 'Probe and more'"), "AND inside quotes is text");
        assertEquals(List.of(C), find("name = 'other \\'quoted\\''"));
        assertEquals(ALL, find(""));
    }

    @Test
    void whatItDoesNotKnowIsAOneLineError() {
        for (String bad : List.of("name LIKE 'a' OR name LIKE 'b'", "params.x = '1'", "name > 'a'", "creation_time = 'x'")) {
            JrunsException e = assertThrows(JrunsException.class, () -> ExperimentFilter.parse(bad), bad);
            assertEquals(JrunsException.Code.INVALID_PARAMETER_VALUE, e.code());
        }
    }

    @Test
    void ordersNewestFirstByDefaultAndByTheGivenKeys() {
        assertEquals(List.of(C, B, A), ALL.stream().sorted(ExperimentFilter.order(List.of())).toList());
        assertEquals(List.of(B, C, A), ALL.stream().sorted(ExperimentFilter.order(List.of("name"))).toList());
        assertEquals(List.of(C, B, A), ALL.stream().sorted(ExperimentFilter.order(List.of("experiment_id DESC"))).toList());
        assertThrows(JrunsException.class, () -> ExperimentFilter.order(List.of("name SIDEWAYS")));
        assertThrows(JrunsException.class, () -> ExperimentFilter.order(List.of("tags.x")));
    }

    private static List<Experiment> find(String filter) {
        ExperimentFilter f = ExperimentFilter.parse(filter);
        return ALL.stream().filter(f::matches).toList();
    }

    private static Experiment exp(String id, String name, long created, Map<String, String> tags) {
        return new Experiment(id, name, null, LifecycleStage.ACTIVE, created, created, tags);
    }
}
