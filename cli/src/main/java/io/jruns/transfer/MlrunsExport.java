package io.jruns.transfer;

import io.jruns.domain.JrunsException;

import io.jruns.domain.Experiment;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.ViewType;
import io.jruns.internal.yaml.Yaml;
import io.jruns.store.Progress;
import io.jruns.search.SearchRequest;
import io.jruns.store.StoreReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes runs in MLflow's file-store layout, which {@code mlflow ui --backend-store-uri DIR}
 * and MLflow's clients read: {@code DIR/<exp>/meta.yaml}, {@code DIR/<exp>/<run>/meta.yaml},
 * {@code metrics/}, {@code params/}, {@code tags/}, {@code artifacts/}; deleted experiments go
 * to {@code DIR/.trash/}. Ids stay as they are; artifact locations point into DIR.
 * Exporting into a folder that holds an earlier export replaces the runs it exports again.
 * Each run folder appears whole or not at all ({@link RunFolders}).
 */
public final class MlrunsExport {
    private MlrunsExport() {
    }

    public static TransferReport export(StoreReader src, Path dir, Selection selection, Progress progress) {
        Path root = dir.toAbsolutePath().normalize();
        Map<Experiment, List<Run>> chosen = new LinkedHashMap<>();
        int total = 0;
        for (Experiment e : selection.resolve(src)) {
            List<Run> runs = new ArrayList<>();
            src.scanRuns(SearchRequest.builder().experiments(e.experimentId()).filter(selection.filter())
                    .viewType(ViewType.ALL).build(), Long.MAX_VALUE, runs::add);
            chosen.put(e, runs);
            total += runs.size();
        }
        for (List<Run> runs : chosen.values()) runs.forEach(MlrunsExport::checkKeysFitFolders); // before writing any
        int[] done = {0};
        long points = 0;
        int files = 0;
        final int all = total;
        try (FolderWriters writers = new FolderWriters()) {
            for (Map.Entry<Experiment, List<Run>> entry : chosen.entrySet()) {
                Experiment e = entry.getKey();
                Path expDir = (e.lifecycleStage() == LifecycleStage.DELETED ? root.resolve(".trash") : root)
                        .resolve(e.experimentId());
                writeExperiment(e, expDir);
                for (Run run : entry.getValue()) {
                    // read here (the store, from this thread only); the files are written on the writers
                    Path finalDir = expDir.resolve(run.runId());
                    Map<Path, String> texts = new LinkedHashMap<>();
                    Map<Path, Path> copies = new LinkedHashMap<>();
                    Path runDir = RunFolders.partialOf(finalDir);
                    texts.put(runDir.resolve("meta.yaml"), runMeta(run.info(), finalDir));
                    run.data().params().forEach((k, v) -> texts.put(MlrunsFiles.keyPath(runDir.resolve("params"), k), v));
                    run.data().tags().forEach((k, v) -> texts.put(MlrunsFiles.keyPath(runDir.resolve("tags"), k), v));
                    for (String key : run.data().metrics().keySet()) {
                        StringBuilder b = new StringBuilder();
                        for (Metric m : src.getMetricHistory(run.runId(), key)) {
                            b.append(MlrunsFiles.line(m));
                            points++;
                        }
                        texts.put(MlrunsFiles.keyPath(runDir.resolve("metrics"), key), b.toString());
                    }
                    for (String path : ArtifactWalk.files(src, run.runId())) {
                        copies.put(MlrunsFiles.keyPath(runDir.resolve("artifacts"), path), src.downloadArtifact(run.runId(), path));
                        files++;
                    }
                    writers.submit(() -> {
                        Path partial = RunFolders.partial(finalDir);
                        texts.forEach(MlrunsFiles::write);
                        mkdirs(partial.resolve("artifacts"));
                        copies.forEach((to, from) -> copy(from, to));
                        RunFolders.publish(partial, finalDir);
                    }, () -> progress.update("runs exported", ++done[0], all));
                }
            }
            writers.finish();
        }
        return new TransferReport(chosen.size(), done[0], 0, points, files);
    }

    /**
     * In MLflow's layout a key is a file path: "loss" and "loss/val" would be a file and a folder of
     * one name. jruns allows both, so such a run is refused by name before anything is written; so is a
     * key part longer than a file name can be (MLflow counts 250 characters, a file system 255 bytes).
     */
    /** A file name's limit on Linux's and macOS's file systems; a 250-letter key of non-ASCII letters passes it. */
    static final int MAX_NAME_BYTES = 255;

    static void checkKeysFitFolders(Run run) {
        Map<String, java.util.Collection<String>> kinds = new LinkedHashMap<>();
        kinds.put("param", run.data().params().keySet());
        kinds.put("tag", run.data().tags().keySet());
        kinds.put("metric", run.data().metrics().keySet());
        kinds.forEach((kind, keys) -> {
            for (String k : keys) {
                for (String part : k.split("/")) {
                    int bytes = part.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                    if (bytes > MAX_NAME_BYTES) {
                        throw JrunsException.invalid("export: run " + run.runId() + " has a " + kind + " named '"
                                + part.codePoints().limit(20).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                                + "…' (" + bytes + " bytes in UTF-8), longer than a file name can be ("
                                + MAX_NAME_BYTES + " bytes) in MLflow's folder layout; nothing was written."
                                + " Leave the run out with --filter, or copy it to a store instead (jruns copy)");
                    }
                }
            }
            java.util.TreeSet<String> sorted = new java.util.TreeSet<>(keys);
            for (String k : sorted) {
                String under = sorted.ceiling(k + "/");
                if (under != null && under.startsWith(k + "/")) {
                    throw JrunsException.invalid("export: run " + run.runId() + " has " + kind + "s '" + k + "' and '" + under
                            + "', which MLflow's folder layout cannot hold both of (one is a file, the other in a folder of that"
                            + " name); nothing was written. Rename one, or leave the run out with --filter");
                }
            }
        });
    }

    private static void writeExperiment(Experiment e, Path expDir) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("artifact_location", expDir.toUri().toString().replaceAll("/$", ""));
        meta.put("creation_time", e.creationTime());
        meta.put("experiment_id", e.experimentId());
        meta.put("last_update_time", e.lastUpdateTime());
        meta.put("lifecycle_stage", e.lifecycleStage().wire());
        meta.put("name", e.name());
        // tags first: the meta.yaml that makes the folder an experiment comes last, whole
        e.tags().forEach((k, v) -> MlrunsFiles.write(MlrunsFiles.keyPath(expDir.resolve("tags"), k), v));
        RunFolders.writeWhole(expDir.resolve("meta.yaml"), Yaml.write(new TreeMap<>(meta)));
    }

    /** The fields MLflow 2.x's file store writes (source_type 4 is LOCAL); the artifact URI is where the folder ends up. */
    private static String runMeta(RunInfo i, Path finalDir) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("artifact_uri", finalDir.resolve("artifacts").toUri().toString().replaceAll("/$", ""));
        meta.put("end_time", i.endTime());
        meta.put("entry_point_name", "");
        meta.put("experiment_id", i.experimentId());
        meta.put("lifecycle_stage", i.lifecycleStage().wire());
        meta.put("run_id", i.runId());
        meta.put("run_name", i.runName() == null ? "" : i.runName());
        meta.put("run_uuid", i.runId());
        meta.put("source_name", "");
        meta.put("source_type", 4);
        meta.put("source_version", "");
        meta.put("start_time", i.startTime());
        meta.put("status", i.status().code());
        meta.put("tags", List.of());
        meta.put("user_id", i.userId() == null ? "" : i.userId());
        if (i.lifecycleStage() == LifecycleStage.DELETED) {
            meta.put("deleted_time", i.deletedTime() != null ? i.deletedTime() : System.currentTimeMillis());
        }
        return Yaml.write(new TreeMap<>(meta));
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    private static void mkdirs(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + p, e);
        }
    }
}
