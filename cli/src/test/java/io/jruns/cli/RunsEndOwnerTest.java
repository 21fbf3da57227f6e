package io.jruns.cli;

import io.jruns.domain.RunStatus;
import io.jruns.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jruns runs end} refuses a run whose process is alive, unless --force; a dead owner's run is ended at open. */
class RunsEndOwnerTest {
    @TempDir
    Path home;
    Process owner;

    @AfterEach
    void stop() {
        if (owner != null) owner.destroyForcibly();
    }

    /** Makes {@code p} the run's owner in the store at {@code home}, as if it had started the run. */
    static void own(Path home, String runId, ProcessHandle p) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("jruns.db"));
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE runs SET owner_host = ?, owner_pid = ?, owner_start = ?, heartbeat = ? WHERE run_uuid = ?")) {
            ps.setString(1, InetAddress.getLocalHost().getHostName());
            ps.setLong(2, p.pid());
            ps.setLong(3, p.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
            ps.setLong(4, System.currentTimeMillis());
            ps.setString(5, runId);
            assertEquals(1, ps.executeUpdate());
        }
    }

    /** A RUNNING run whose owner is a live {@code sleep}, as if that process had started it. */
    private String ownedBySleep(Cli cli) throws Exception {
        String id;
        try (Store store = cli.openStore()) {
            id = store.createRun("0", "alice", 1_700_000_000_000L, "training", List.of()).runId();
        }
        owner = new ProcessBuilder("sleep", "120").start();
        own(home, id, owner.toHandle());
        return id;
    }

    private RunStatus status(Cli cli, String id) {
        try (Store store = cli.openStore()) {
            return store.getRun(id).orElseThrow().info().status();
        }
    }

    @Test
    void aLiveOwnersRunIsEndedOnlyWithForce() throws Exception {
        Cli cli = new Cli(home);
        String id = ownedBySleep(cli);

        Cli.Result refused = cli.run("runs", "end", "training");
        assertEquals(1, refused.code(), refused.toString());
        assertEquals("jruns: run " + id + " is still being logged by process " + owner.pid() + " on "
                + InetAddress.getLocalHost().getHostName() + ", which is alive: end it there (%run end, or interrupt its cell),"
                + " or force it (jruns runs end --force; on the run page, 'end it here anyway')", refused.error().strip());
        assertEquals(RunStatus.RUNNING, status(cli, id));

        Cli.Result forced = cli.run("runs", "end", "training", "--force", "--status", "FAILED");
        assertEquals(0, forced.code(), forced.toString());
        assertEquals(RunStatus.FAILED, status(cli, id));
    }

    @Test
    void aDeadOwnersRunIsEndedWhenTheStoreOpens() throws Exception {
        Cli cli = new Cli(home);
        String id = ownedBySleep(cli);
        owner.destroyForcibly().waitFor();

        Cli.Result r = cli.run("runs", "end", id);
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.error().contains("has already ended (KILLED)"), r.error());
    }
}
