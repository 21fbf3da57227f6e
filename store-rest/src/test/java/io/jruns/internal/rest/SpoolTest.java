package io.jruns.internal.rest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spool file: append, replay in order, resume where a failed replay stopped, survive a torn record. */
class SpoolTest {
    @TempDir
    Path dir;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void replaysInOrderAndResumesAfterAFailure() throws Exception {
        Spool spool = Spool.at(dir.resolve("s/a.spool"));
        assertFalse(spool.hasPending());
        spool.append(List.of(b("{\"n\":1}"), b("{\"n\":2}")), true);
        spool.append(List.of(b("{\"n\":3}")), false);
        assertTrue(spool.hasPending());
        assertEquals(3, spool.pendingCount());
        List<String> sent = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> spool.drain(body -> {
            String s = new String(body, StandardCharsets.UTF_8);
            if (s.contains("3")) throw new IllegalStateException("server went away");
            sent.add(s);
        }));
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}"), sent);
        assertEquals(1, spool.pendingCount(), "the failed one waits");
        Spool again = Spool.at(dir.resolve("s/../s/a.spool"));
        assertEquals(spool, again, "one object per file in a JVM");
        Spool.Drained d = again.drain(body -> sent.add(new String(body, StandardCharsets.UTF_8)));
        assertEquals(new Spool.Drained(1, true), d);
        assertEquals(3, sent.size());
        assertEquals(0, Files.size(dir.resolve("s/a.spool")), "emptied and truncated");
        assertFalse(spool.hasPending());
    }

    @Test
    void aRecordTornByACrashIsNeverSentAndLaterRecordsAre() throws Exception {
        Path file = dir.resolve("b.spool");
        Spool spool = Spool.at(file);
        spool.append(List.of(b("{\"n\":1}")), true);
        Files.write(file, b("{\"n\":2, \"tor"), StandardOpenOption.APPEND); // the process died mid-write
        spool.append(List.of(b("{\"n\":3}")), true);
        List<String> sent = new ArrayList<>();
        spool.drain(body -> sent.add(new String(body, StandardCharsets.UTF_8)));
        assertEquals(List.of("{\"n\":1}", "{\"n\":3}"), sent);
    }
}
