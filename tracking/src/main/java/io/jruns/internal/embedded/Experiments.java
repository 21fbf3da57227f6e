package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.ViewType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Experiment rows and their tags. */
final class Experiments {
    private static final String COLUMNS = "experiment_id, name, artifact_location, lifecycle_stage, "
            + "creation_time, last_update_time";

    private Experiments() {
    }

    /** Creates the experiment; {@code id} null means the next free id. Returns the id. */
    static String create(Connection c, Long id, String name, String artifactLocation, Map<String, String> tags,
                         long now) throws SQLException {
        return create(c, id, name, artifactLocation, tags, now, now);
    }

    /** As above, with the times it was made and last changed (a copy keeps its source's). */
    static String create(Connection c, Long id, String name, String artifactLocation, Map<String, String> tags,
                         long creationTime, long lastUpdateTime) throws SQLException {
        if (findId(c, name).isPresent()) {
            throw new JrunsException(JrunsException.Code.RESOURCE_ALREADY_EXISTS,
                    "experiment '" + name + "' already exists");
        }
        long newId;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO experiments (experiment_id, name, artifact_location, "
                + "creation_time, last_update_time) VALUES (?, ?, ?, ?, ?) RETURNING experiment_id")) {
            if (id == null) ps.setNull(1, java.sql.Types.INTEGER);
            else ps.setLong(1, id);
            ps.setString(2, name);
            ps.setString(3, artifactLocation == null ? "" : artifactLocation);
            ps.setLong(4, creationTime);
            ps.setLong(5, lastUpdateTime);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                newId = rs.getLong(1);
            }
        }
        for (Map.Entry<String, String> t : tags.entrySet()) setTag(c, newId, t.getKey(), t.getValue());
        return String.valueOf(newId);
    }

    static void setArtifactLocation(Connection c, long id, String location) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE experiments SET artifact_location = ? WHERE experiment_id = ?")) {
            ps.setString(1, location);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** The numeric key of an experiment id, or a clear error instead of a NumberFormatException. */
    static long key(String experimentId) {
        io.jruns.internal.validate.Validation.experimentId(experimentId);
        return Long.parseLong(experimentId);
    }

    /** The experiment, or a clear "does not exist" error. */
    static Experiment require(Connection c, String experimentId) throws SQLException {
        return get(c, key(experimentId))
                .orElseThrow(() -> JrunsException.notFound("experiment '" + experimentId + "' does not exist"));
    }

    /** An experiment new runs may go to: it exists and is not deleted. */
    static void requireLive(Connection c, String experimentId) throws SQLException {
        Experiment e = require(c, experimentId);
        if (e.lifecycleStage() == LifecycleStage.DELETED) {
            throw new JrunsException(JrunsException.Code.INVALID_STATE,
                    "experiment '" + e.name() + "' is deleted: restore it or choose another");
        }
    }

    static Optional<Long> findId(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT experiment_id FROM experiments WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    static Optional<Experiment> get(Connection c, long id) throws SQLException {
        List<Experiment> found = query(c, "WHERE experiment_id = " + id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    static List<Experiment> list(Connection c, ViewType view) throws SQLException {
        String where = switch (view) {
            case ACTIVE_ONLY -> "WHERE lifecycle_stage = 'active'";
            case DELETED_ONLY -> "WHERE lifecycle_stage = 'deleted'";
            case ALL -> "";
        };
        return query(c, where + " ORDER BY experiment_id");
    }

    /** Active experiments with this tag value, oldest first: one query on the tag rows, not every experiment read. */
    static List<Experiment> tagged(Connection c, String key, String value) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.experiment_id FROM experiment_tags t JOIN experiments e "
                + "ON e.experiment_id = t.experiment_id WHERE t.key = ? AND t.value = ? AND e.lifecycle_stage = 'active' "
                + "ORDER BY e.creation_time, e.experiment_id")) {
            ps.setString(1, key);
            ps.setString(2, value);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
        }
        List<Experiment> out = new ArrayList<>();
        for (long id : ids) get(c, id).ifPresent(out::add);
        return out;
    }

    private static List<Experiment> query(Connection c, String tail) throws SQLException {
        List<Experiment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM experiments " + tail);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                out.add(new Experiment(String.valueOf(id), rs.getString(2), rs.getString(3),
                        LifecycleStage.fromWire(rs.getString(4)), rs.getLong(5), rs.getLong(6), tags(c, id)));
            }
        }
        return out;
    }

    private static Map<String, String> tags(Connection c, long id) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM experiment_tags WHERE experiment_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    static void setTag(Connection c, long id, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO experiment_tags (experiment_id, key, value) "
                + "VALUES (?, ?, ?) ON CONFLICT (experiment_id, key) DO UPDATE SET value = excluded.value")) {
            ps.setLong(1, id);
            ps.setString(2, key);
            ps.setString(3, value);
            ps.executeUpdate();
        }
    }
}
