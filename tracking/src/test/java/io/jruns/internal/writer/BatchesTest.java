package io.jruns.internal.writer;

import io.jruns.store.MetricColumns;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A buffer's points grouped into columns per (run, key): first-seen order, queue order inside. */
class BatchesTest {
    @Test
    void pointsOfInterleavedRunsLandInTheirOwnColumns() {
        String a = "a".repeat(32);
        String aAgain = new String(a); // the same run id, another instance: still run a
        String b = "b".repeat(32);
        OpQueue.Slots slots = new OpQueue.Slots(16);
        put(slots, a, "loss", 1);
        put(slots, a, "acc", 2);
        put(slots, b, "loss", 3);
        put(slots, aAgain, "loss", 4);
        put(slots, b, "loss", 5);
        put(slots, a, new String("acc"), 6);
        put(slots, b, "acc", 7);
        List<String> got = new ArrayList<>();
        for (MetricColumns m : Batches.group(slots).metrics()) {
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < m.size(); i++) values.append(' ').append((int) m.values()[i]);
            got.add(m.runId().charAt(0) + "/" + m.key() + ":" + values);
        }
        assertEquals(List.of("a/loss: 1 4", "a/acc: 2 6", "b/loss: 3 5", "b/acc: 7"), got);
    }

    private static void put(OpQueue.Slots s, String run, String key, double value) {
        int i = s.size++;
        s.refs[i] = run;
        s.keys[i] = key;
        s.values[i] = value;
        s.timestamps[i] = 1000 + i;
        s.steps[i] = i;
    }
}
