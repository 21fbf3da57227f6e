package io.jruns.bench.b4;

import io.jruns.bench.child.Dirs;
import io.jruns.bench.child.Report;
import io.jruns.internal.embedded.EmbeddedStore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The big B4 store (1,000,000 runs by default): one experiment, each run with 5 params
 * (alpha as in {@link SearchStore}, p01..p04), 5 metrics of one step (r2, rmse, m02..m04)
 * and 3 tags (team, mlflow.runName, mlflow.user), seeded. The store is created and migrated
 * by EmbeddedStore, then its rows are written with raw batched SQL in the store's own schema
 * (the secondary indexes dropped while writing and rebuilt from their own DDL), so a million
 * runs take a minute or two, not the hour the API would. Kept under the cache folder in a
 * folder named after {@link #VERSION} and the size.
 */
public final class BigStore {
    public static final String VERSION = "b4big-v1";
    public static final String EXPERIMENT = "bench-search-big";
    static final int PARAMS = 5;
    static final String[] METRICS = {"r2", "rmse", "m02", "m03", "m04"};
    private static final String[] TEAMS = {"a", "b", "c", "d", "e"};
    private static final int COMMIT_EVERY = 50_000;
    private static final List<String> TABLES = List.of("runs", "params", "tags", "metric_summaries", "metric_chunks");

    private BigStore() {
    }

    /** The store's folder for this many runs, generated first when missing or incomplete. */
    public static Path ensure(Path cacheRoot, int runs) throws IOException, SQLException {
        Path home = cacheRoot.resolve(VERSION + "-" + runs);
        if (Files.exists(home.resolve("complete"))) return home;
        Dirs.deleteTree(home);
        Files.createDirectories(home);
        long t = System.nanoTime();
        String exp;
        try (EmbeddedStore store = EmbeddedStore.inHome(home)) {
            exp = store.createExperiment(EXPERIMENT, null, Map.of());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("jruns.db"))) {
            generate(c, home, Long.parseLong(exp), runs);
        }
        Files.writeString(home.resolve("complete"), VERSION + " " + runs + "\n");
        Report.progress(String.format("generated %,d runs in %.1f s under %s", runs, (System.nanoTime() - t) / 1e9, home));
        return home;
    }

    private static void generate(Connection c, Path home, long exp, int runs) throws SQLException {
        exec(c, "PRAGMA journal_mode=OFF"); // a half-written store is thrown away: no journal needed
        exec(c, "PRAGMA synchronous=OFF");
        exec(c, "PRAGMA cache_size=-262144");
        List<String> indexes = dropIndexes(c);
        // as EmbeddedStore names them: ARTIFACT_ROOT/EXPERIMENT/RUN (the root exists, so its URI ends in '/')
        String artifacts = home.resolve("artifacts").toAbsolutePath().normalize().toUri().toString() + exp + "/";
        SplittableRandom random = new SplittableRandom(42);
        c.setAutoCommit(false);
        try (PreparedStatement run = c.prepareStatement("INSERT INTO runs (rid, run_uuid, experiment_id, name, user_id, "
                + "status, start_time, end_time, artifact_uri) VALUES (?, ?, ?, ?, ?, 'FINISHED', ?, ?, ?)");
             PreparedStatement param = c.prepareStatement("INSERT INTO params (rid, key, value) VALUES (?, ?, ?)");
             PreparedStatement tag = c.prepareStatement("INSERT INTO tags (rid, key, value) VALUES (?, ?, ?)");
             PreparedStatement summary = c.prepareStatement("INSERT INTO metric_summaries (rid, key, latest, latest_is_nan, "
                     + "latest_ts, latest_step, min_value, max_value, count) VALUES (?, ?, ?, 0, ?, 0, ?, ?, 1)");
             PreparedStatement chunk = c.prepareStatement("INSERT INTO metric_chunks (rid, key, n, points) VALUES (?, ?, 1, ?)")) {
            for (int i = 0; i < runs; i++) {
                long rid = i + 1;
                long start = SearchStore.T0 + i * SearchStore.START_STEP_MS;
                String id = String.format("%016x%016x", random.nextLong(), random.nextLong());
                String user = "user" + random.nextInt(8);
                String name = "run-" + i;
                run.setLong(1, rid);
                run.setString(2, id);
                run.setLong(3, exp);
                run.setString(4, name);
                run.setString(5, user);
                run.setLong(6, start);
                run.setLong(7, start + 500);
                run.setString(8, artifacts + id);
                run.addBatch();
                for (int p = 0; p < PARAMS; p++) {
                    String value = p == 0 ? String.valueOf((random.nextInt(10) + 1) / 10.0)
                            : String.valueOf(random.nextInt(2 + p * 5));
                    keyValue(param, rid, p == 0 ? "alpha" : String.format("p%02d", p), value);
                }
                keyValue(tag, rid, "mlflow.runName", name);
                keyValue(tag, rid, "mlflow.user", user);
                keyValue(tag, rid, "team", TEAMS[random.nextInt(TEAMS.length)]);
                for (String key : METRICS) {
                    // r2 uniform in [0, 1); rmse uniform in [0.5, 3), a fifth of the runs at 1 or below
                    double v = key.equals("rmse") ? 0.5 + 2.5 * random.nextDouble() : random.nextDouble();
                    summary.setLong(1, rid);
                    summary.setString(2, key);
                    summary.setDouble(3, v);
                    summary.setLong(4, start);
                    summary.setDouble(5, v);
                    summary.setDouble(6, v);
                    summary.addBatch();
                    chunk.setLong(1, rid);
                    chunk.setString(2, key);
                    // PointCodec's layout: step, timestamp, raw IEEE-754 bits, big-endian
                    chunk.setBytes(3, ByteBuffer.allocate(24).putLong(0).putLong(start)
                            .putLong(Double.doubleToRawLongBits(v)).array());
                    chunk.addBatch();
                }
                if ((i + 1) % 1000 == 0 || i == runs - 1) {
                    for (PreparedStatement ps : List.of(run, param, tag, summary, chunk)) ps.executeBatch();
                }
                if ((i + 1) % COMMIT_EVERY == 0 || i == runs - 1) {
                    c.commit();
                    if ((i + 1) % 200_000 == 0) Report.progress(String.format("  %,d runs written", i + 1));
                }
            }
        }
        c.setAutoCommit(true);
        long t = System.nanoTime();
        for (String ddl : indexes) exec(c, ddl);
        Report.progress(String.format("  indexes rebuilt in %.1f s", (System.nanoTime() - t) / 1e9));
        exec(c, "PRAGMA journal_mode=WAL"); // as the store keeps it
    }

    private static void keyValue(PreparedStatement ps, long rid, String key, String value) throws SQLException {
        ps.setLong(1, rid);
        ps.setString(2, key);
        ps.setString(3, value);
        ps.addBatch();
    }

    /** Drops the run tables' secondary indexes; returns their DDL, to rebuild them after the rows. */
    private static List<String> dropIndexes(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> ddl = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, tbl_name, sql FROM sqlite_master "
                + "WHERE type = 'index' AND sql IS NOT NULL")) {
            while (rs.next()) {
                if (!TABLES.contains(rs.getString(2))) continue;
                names.add(rs.getString(1));
                ddl.add(rs.getString(3));
            }
        }
        for (String n : names) exec(c, "DROP INDEX " + n);
        return ddl;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
