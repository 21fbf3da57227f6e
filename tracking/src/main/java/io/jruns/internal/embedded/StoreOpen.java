package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.store.Retention;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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
        for (Path dir : new Path[]{dbFile.getParent(), artifactRoot}) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new JrunsException(JrunsException.Code.INVALID_STATE, "cannot create the jruns store folder "
                        + dir + ": " + whyNotCreated(dir, e), e);
            }
        }
    }

    /** The cause in words: a file where a folder must be, the folder not writable, else the system's reason. */
    private static String whyNotCreated(Path dir, IOException e) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p != null && !Files.isDirectory(p)) return p + " is a file, not a folder";
        if (e instanceof AccessDeniedException a) return "this user may not create " + a.getFile();
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getFile() + ": " + f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Why this user cannot write an existing store (its folder or file), or null: such a
     * store is opened to read only, not refused.
     */
    static String unwritable(Path dbFile) {
        if (!Files.isRegularFile(dbFile)) return null;
        Path dir = dbFile.getParent();
        if (dir != null && !Files.isWritable(dir)) return "its folder " + dir + " is not writable";
        if (!Files.isWritable(dbFile)) return "the file is not writable";
        return null;
    }

    /** An existing store of this jruns's schema, opened to read only ({@code why} says why in errors). */
    static Database toRead(Path dbFile, String why) {
        if (!Files.isRegularFile(dbFile)) {
            throw JrunsException.notFound("no jruns store at " + dbFile + " to read");
        }
        Database db = Database.toRead(dbFile, why);
        int version = schemaVersion(db);
        if (version < 0) {
            db.close();
            throw JrunsException.invalid(dbFile + " is not a jruns store: it has no jruns schema");
        }
        if (version != Schema.latestVersion()) {
            db.close();
            throw new JrunsException(JrunsException.Code.INVALID_STATE, "the jruns store at " + dbFile
                    + (version > Schema.latestVersion()
                    ? " was written by a newer jruns (schema v" + version + ", this jruns knows up to v"
                    + Schema.latestVersion() + "): upgrade jruns to read it"
                    : " was written by an older jruns (schema v" + version + ", this jruns reads v"
                    + Schema.latestVersion() + ") and is " + why + ": open it once where it can be written, to upgrade it"));
        }
        return db;
    }

    /** Why SQLite could not open the file: the folder or file not writable, said as such, or SQLite's own words. */
    static JrunsException openFailure(Path file, SQLException e) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && Files.isDirectory(dir) && (!Files.isWritable(dir) || Files.exists(file) && !Files.isWritable(file))) {
            // read-only, SQLite still needs the write-ahead log's index beside a log that holds commits
            return new JrunsException(JrunsException.Code.INVALID_STATE, "cannot open the jruns store at " + file
                    + ": this user cannot write " + (Files.isWritable(dir) ? "the file" : "its folder " + dir)
                    + (ReadOnlyOpen.walEmpty(file) ? "" : ", and its write-ahead log holds changes not yet copied into"
                    + " the file, which reading it would need to index there") + "; ask its owner to open it once, or copy the folder", e);
        }
        return new JrunsException(JrunsException.Code.INTERNAL_ERROR, "cannot open the jruns store at " + file + ": " + e.getMessage(), e);
    }

    /**
     * {@link #prepare} in a write transaction; returns whether the daily gc is due. On a full disk
     * what it writes (dead runs ended, the gc's turn) can wait: the store is left open to read.
     * Any other failure closes the database (a store from a newer jruns, say) and is thrown.
     */
    static boolean prepareOrRead(Database db, Path dbFile, String defaultExperimentLocation) {
        try {
            long now = System.currentTimeMillis();
            return db.write(c -> prepare(c, defaultExperimentLocation, now));
        } catch (RuntimeException e) {
            if (diskFull(e) && schemaCurrent(db)) {
                System.err.println("jruns: the disk holding " + dbFile + " is full: the store is open to read;"
                        + " logging to it fails until space is freed");
                return false;
            }
            db.close();
            throw e;
        }
    }

    /** Whether a failure came from SQLite finding the disk full. */
    private static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_FULL) return true;
            if (t.getMessage() != null && t.getMessage().contains("SQLITE_FULL")) return true;
        }
        return false;
    }

    /** Whether the store's schema is this jruns' own (so reading it needs no migration). */
    private static boolean schemaCurrent(Database db) {
        try {
            return schemaVersion(db) == Schema.latestVersion();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The schema version; -1 for a SQLite file that is not a jruns store. */
    private static int schemaVersion(Database db) {
        return db.read(c -> {
            try (var s = c.createStatement(); var t = s.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
                if (!t.next() || t.getInt(1) == 0) return -1;
            }
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /**
     * Migrates, makes sure "Default" exists, ends runs whose process died; returns whether the
     * daily gc is due (and claimed by this process).
     */
    static boolean prepare(Connection c, String defaultExperimentLocation, long now) throws SQLException {
        Schema.migrate(c);
        if (Experiments.findId(c, Experiment.DEFAULT_NAME).isEmpty()) {
            Experiments.create(c, 0L, Experiment.DEFAULT_NAME, defaultExperimentLocation, Map.of(), now);
        }
        Liveness.endOrphans(c, now);
        return Retention.autoGcEnabled() && Purge.claimAutoRun(c, now);
    }
}
