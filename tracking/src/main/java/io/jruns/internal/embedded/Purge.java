package io.jruns.internal.embedded;

import io.jruns.store.GcResult;
import io.jruns.store.Progress;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * gc: removes for good the runs deleted at or before a cutoff, their rows in every table and
 * their artifact folders. Each chunk of runs is purged inside one write transaction, artifacts
 * first: no restore can slip in between (it needs the write lock), and if the rows then fail
 * to go, the runs are still deleted and the next gc finishes them.
 */
final class Purge {
    static final int CHUNK = 500;
    /** gc runs by itself when a store opens, at most this often. */
    static final long AUTO_EVERY_MS = 24 * 3_600_000L;
    private static final String[] DATA_TABLES = {"params", "tags", "metric_summaries", "metric_chunks"};

    private Purge() {
    }

    private record Doomed(long rid, Path folder) {
    }

    static GcResult run(Database db, Path artifactRoot, long deletedBefore, Progress progress) {
        int purged = 0;
        long bytes = 0;
        List<String> problems = new ArrayList<>();
        long total = db.read(c -> count(c, deletedBefore));
        while (true) {
            long[] freed = new long[1];
            int n = db.write(c -> {
                List<Doomed> chunk = chunk(c, artifactRoot, deletedBefore);
                for (Doomed d : chunk) freed[0] += removeFolder(d.folder(), problems);
                String rids = chunk.stream().map(Doomed::rid).toList().toString();
                for (String table : DATA_TABLES) delete(c, table, rids);
                delete(c, "runs", rids);
                return chunk.size();
            });
            if (n == 0) break;
            purged += n;
            bytes += freed[0];
            progress.update("deleted runs purged", purged, Math.max(total, purged));
        }
        db.write(c -> {
            StoreMeta.put(c, StoreMeta.LAST_GC, String.valueOf(System.currentTimeMillis()));
            return null;
        });
        return new GcResult(purged, bytes, problems);
    }

    /**
     * Whether gc is due (never ran, or more than a day ago); if so claims it by recording now,
     * inside the caller's write transaction, so two processes opening at once do not both run it.
     */
    static boolean claimAutoRun(Connection c, long now) throws SQLException {
        long last = StoreMeta.get(c, StoreMeta.LAST_GC).map(Long::parseLong).orElse(Long.MIN_VALUE);
        if (last != Long.MIN_VALUE && now - last < AUTO_EVERY_MS) return false;
        StoreMeta.put(c, StoreMeta.LAST_GC, String.valueOf(now));
        return true;
    }

    /** Runs the automatic gc beside the caller: purging may take a while, opening a store must not. */
    static Thread inBackground(Runnable gc, Path dbFile) {
        Thread t = new Thread(() -> {
            try {
                gc.run();
            } catch (RuntimeException e) {
                System.err.println("jruns: automatic gc of " + dbFile + " failed: " + e.getMessage());
            }
        }, "jruns-auto-gc");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits for a background gc (null: none) before the store closes. */
    static void await(Thread gc) {
        if (gc == null) return;
        try {
            gc.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long count(Connection c, long deletedBefore) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM runs WHERE lifecycle_stage = 'deleted' AND deleted_time <= ?")) {
            ps.setLong(1, deletedBefore);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static List<Doomed> chunk(Connection c, Path artifactRoot, long deletedBefore) throws SQLException {
        List<Doomed> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT rid, experiment_id, run_uuid FROM runs "
                + "WHERE lifecycle_stage = 'deleted' AND deleted_time <= ? LIMIT " + CHUNK)) {
            ps.setLong(1, deletedBefore);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // The folder the store itself gives the run, never a path read from a row.
                    Path folder = artifactRoot.resolve(String.valueOf(rs.getLong(2))).resolve(rs.getString(3)).normalize();
                    out.add(new Doomed(rs.getLong(1), folder.startsWith(artifactRoot) ? folder : null));
                }
            }
        }
        return out;
    }

    private static void delete(Connection c, String table, String rids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM " + table + " WHERE rid IN (SELECT value FROM json_each(?))")) {
            ps.setString(1, rids);
            ps.executeUpdate();
        }
    }

    /** Deletes a run's artifact folder without following links; returns the bytes freed. */
    static long removeFolder(Path folder, List<String> problems) {
        if (folder == null || !Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return 0;
        long[] bytes = new long[1];
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) bytes[0] += attrs.size();
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) throw e;
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add("could not remove " + folder + ": " + e);
        }
        return bytes[0];
    }
}
