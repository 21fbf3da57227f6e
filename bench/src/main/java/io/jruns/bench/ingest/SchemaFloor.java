package io.jruns.bench.ingest;

import io.jruns.internal.embedded.EmbeddedStore;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The ingest's second baseline: the rows jruns writes for these runs (run row, 7 tags with
 * the name and user, 20 params, 20 metric summaries, the end; a lone point needs no history
 * chunk since schema v3),
 * inserted with raw sqlite-jdbc in one transaction into jruns's own schema, made by opening
 * an EmbeddedStore: what the store's search indexes cost, without the API.
 */
final class SchemaFloor {
    private SchemaFloor() {
    }

    static long insert(Path home, int runs) throws Exception {
        EmbeddedStore.inHome(home).close(); // the real schema, indexes and all
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("jruns.db"))) {
            c.createStatement().execute("PRAGMA synchronous=NORMAL");
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement run = c.prepareStatement("INSERT INTO runs (run_uuid, experiment_id, name, user_id, "
                    + "status, start_time, artifact_uri) VALUES (?, 0, ?, 'bench', 'RUNNING', ?, ?) RETURNING rid");
                 PreparedStatement end = c.prepareStatement("UPDATE runs SET status = 'FINISHED', end_time = ? WHERE run_uuid = ?");
                 PreparedStatement tag = c.prepareStatement("INSERT INTO tags (rid, key, value) VALUES (?, ?, ?)");
                 PreparedStatement param = c.prepareStatement("INSERT INTO params (rid, key, value) VALUES (?, ?, ?)");
                 PreparedStatement summary = c.prepareStatement("INSERT INTO metric_summaries (rid, key, latest, "
                         + "latest_is_nan, latest_ts, latest_step, min_value, max_value, count) VALUES (?, ?, ?, 0, ?, 0, ?, ?, 1)")) {
                for (int i = 0; i < runs; i++) {
                    String id = String.format("%032x", i);
                    long now = System.currentTimeMillis();
                    run.setString(1, id);
                    run.setString(2, "run-" + i);
                    run.setLong(3, now);
                    run.setString(4, home.resolve("artifacts/0").resolve(id).toUri().toString());
                    long rid;
                    try (ResultSet rs = run.executeQuery()) {
                        rs.next();
                        rid = rs.getLong(1);
                    }
                    for (int k = 0; k < 7; k++) {
                        tag.setLong(1, rid);
                        tag.setString(2, k < 5 ? "tag" + k : k == 5 ? "mlflow.runName" : "mlflow.user");
                        tag.setString(3, k < 5 ? "v" + (i % 7) : k == 5 ? "run-" + i : "bench");
                        tag.addBatch();
                    }
                    for (int k = 0; k < 20; k++) {
                        double v = i * 0.001 + k;
                        param.setLong(1, rid);
                        param.setString(2, "p" + k);
                        param.setString(3, Integer.toString(i % (k + 3)));
                        param.addBatch();
                        summary.setLong(1, rid);
                        summary.setString(2, "m" + k);
                        summary.setDouble(3, v);
                        summary.setLong(4, now);
                        summary.setDouble(5, v);
                        summary.setDouble(6, v);
                        summary.addBatch();
                    }
                    end.setLong(1, now);
                    end.setString(2, id);
                    end.addBatch();
                    if (i % 500 == 499) {
                        for (PreparedStatement ps : new PreparedStatement[] {tag, param, summary, end}) ps.executeBatch();
                    }
                }
                for (PreparedStatement ps : new PreparedStatement[] {tag, param, summary, end}) ps.executeBatch();
            }
            c.commit();
            return System.nanoTime() - t0;
        }
    }
}
