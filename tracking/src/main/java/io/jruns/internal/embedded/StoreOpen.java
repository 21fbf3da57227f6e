package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.store.Retention;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** What opening a store does once: folders, schema migration, the Default experiment, orphan runs. */
final class StoreOpen {
    private StoreOpen() {
    }

    static void createFolders(Path dbFile, Path artifactRoot) {
        try {
            Files.createDirectories(dbFile.getParent());
            Files.createDirectories(artifactRoot);
        } catch (IOException e) {
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "cannot create the jruns store folder: " + e, e);
        }
    }

    /**
     * Migrates, makes sure "Default" exists, ends runs whose process died; returns whether the
     * daily gc is due (and claimed by this process).
     */
    /** Whether a failure came from SQLite finding the disk full. */
    static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_FULL) return true;
            if (t.getMessage() != null && t.getMessage().contains("SQLITE_FULL")) return true;
        }
        return false;
    }

    /** Whether the store's schema is this jruns' own (so reading it needs no migration). */
    static boolean schemaCurrent(Database db) {
        try {
            return db.read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
                    return rs.next() && rs.getInt(1) == Schema.latestVersion();
                }
            });
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean prepare(Connection c, String defaultExperimentLocation, long now) throws SQLException {
        Schema.migrate(c);
        if (Experiments.findId(c, Experiment.DEFAULT_NAME).isEmpty()) {
            Experiments.create(c, 0L, Experiment.DEFAULT_NAME, defaultExperimentLocation, Map.of(), now);
        }
        Liveness.endOrphans(c, now);
        return Retention.autoGcEnabled() && Purge.claimAutoRun(c, now);
    }
}
