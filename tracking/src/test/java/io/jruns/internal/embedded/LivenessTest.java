package io.jruns.internal.embedded;

import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs left RUNNING by a process that is gone are ended as KILLED when a store opens. */
class LivenessTest {
    @TempDir
    Path dir;

    private void setOwner(String runId, String host, long pid, long start, long heartbeat) throws Exception {
        setOwner(dir, runId, host, pid, start, heartbeat);
    }

    /** Makes the run's owner the given process, as if it had started the run in the store at {@code home}. */
    static void setOwner(Path home, String runId, String host, long pid, long start, long heartbeat) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("jruns.db"));
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE runs SET owner_host = ?, owner_pid = ?, owner_start = ?, heartbeat = ? WHERE run_uuid = ?")) {
            ps.setString(1, host);
            ps.setLong(2, pid);
            ps.setLong(3, start);
            ps.setLong(4, heartbeat);
            ps.setString(5, runId);
            assertEquals(1, ps.executeUpdate());
        }
    }

    @Test
    void orphansAreEndedAndLiveOwnersAreLeftAlone() throws Exception {
        long now = System.currentTimeMillis();
        String deadPid, reusedPid, staleRemote, freshRemote, mine, finished;
        try (EmbeddedStore s = EmbeddedStore.inHome(dir)) {
            deadPid = s.createRun("0", "u", now, "dead-pid", List.of()).runId();
            reusedPid = s.createRun("0", "u", now, "reused-pid", List.of()).runId();
            staleRemote = s.createRun("0", "u", now, "stale-remote", List.of()).runId();
            freshRemote = s.createRun("0", "u", now, "fresh-remote", List.of()).runId();
            mine = s.createRun("0", "u", now, "mine", List.of()).runId();
            finished = s.createRun("0", "u", now, "finished", List.of()).runId();
            s.updateRun(finished, RunStatus.FINISHED, now + 1, null);
        }
        setOwner(deadPid, Liveness.HOST, Integer.MAX_VALUE, 0, now - 1000);
        setOwner(reusedPid, Liveness.HOST, Liveness.PID, Liveness.START - 60_000, now - 2000);
        setOwner(staleRemote, "another-host", 1, 0, now - Liveness.STALE_AFTER_MS - 60_000);
        setOwner(freshRemote, "another-host", 1, 0, now);
        setOwner(finished, Liveness.HOST, Integer.MAX_VALUE, 0, now);

        try (EmbeddedStore s = EmbeddedStore.inHome(dir)) {
            assertKilled(s, deadPid, "exited without ending the run", now - 1000);
            assertKilled(s, reusedPid, "belongs to another process", now - 2000);
            assertKilled(s, staleRemote, "no heartbeat", null);
            for (String alive : List.of(freshRemote, mine)) {
                Run r = s.getRun(alive).orElseThrow();
                assertEquals(RunStatus.RUNNING, r.info().status(), r.info().runName());
                assertNull(r.data().tags().get(SystemTags.KILLED_REASON));
            }
            assertEquals(RunStatus.FINISHED, s.getRun(finished).orElseThrow().info().status());
        }
    }

    @Test
    void aDeadRunEndsNoEarlierThanWhatItLogged() throws Exception {
        long now = System.currentTimeMillis();
        String run = deadRunWithAPointAt(now - 2000, now); // its last heartbeat came before the point
        try (EmbeddedStore s = EmbeddedStore.inHome(dir)) {
            assertKilled(s, run, "exited without ending the run", now - 2000);
        }
    }

    @Test
    void aDeadRunEndsNoLaterThanWhenItWasFoundDead() throws Exception {
        long now = System.currentTimeMillis();
        String run = deadRunWithAPointAt(Long.MAX_VALUE, now); // a clock far ahead
        try (EmbeddedStore s = EmbeddedStore.inHome(dir)) {
            long end = s.getRun(run).orElseThrow().info().endTime();
            assertTrue(end >= now && end <= System.currentTimeMillis(), "a timestamp from a clock ahead is not the end: " + end);
        }
    }

    @Test
    void anUnownedRunHasNoOwnerToOutlive() throws Exception {
        String copy;
        try (EmbeddedStore s = EmbeddedStore.inHome(dir)) {
            io.jruns.store.RunStart start = s.planRun("0", "u", 1, "copy", List.of()).orElseThrow().unowned();
            assertEquals(List.of(), s.logBatches(List.of(start), List.of(), List.of(), false));
            copy = start.info().runId();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("jruns.db"));
             PreparedStatement ps = c.prepareStatement("SELECT owner_pid FROM runs WHERE run_uuid = ?")) {
            ps.setString(1, copy);
            try (var rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertNull(rs.getObject(1), "the copying process does not own it");
            }
        }
        try (EmbeddedStore s = EmbeddedStore.inHome(dir)) {
            assertEquals(RunStatus.RUNNING, s.getRun(copy).orElseThrow().info().status(), "as its writer left it");
        }
    }

    /** A run started a minute ago whose owner (a pid no process has) last beat 30 s ago, with one point at {@code pointTime}. */
    private String deadRunWithAPointAt(long pointTime, long now) throws Exception {
        String run;
        try (EmbeddedStore s = EmbeddedStore.inHome(dir)) {
            run = s.createRun("0", "u", now - 60_000, "dead", List.of()).runId();
            s.logBatch(new io.jruns.domain.LogBatch(run, List.of(new io.jruns.domain.Metric("loss", 0.5, pointTime, 7)),
                    List.of(), List.of()));
        }
        setOwner(run, Liveness.HOST, Integer.MAX_VALUE, 0, now - 30_000);
        return run;
    }

    private static void assertKilled(EmbeddedStore s, String runId, String why, Long endTime) {
        Run r = s.getRun(runId).orElseThrow();
        assertEquals(RunStatus.KILLED, r.info().status(), r.info().runName());
        String reason = r.data().tags().get(SystemTags.KILLED_REASON);
        assertTrue(reason != null && reason.contains(why), r.info().runName() + ": " + reason);
        if (endTime != null) assertEquals(endTime, r.info().endTime(), "ended at its last sign of life");
    }
}
