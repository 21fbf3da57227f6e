package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.FileInfo;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.domain.ViewType;
import io.jruns.store.GcResult;
import io.jruns.store.Progress;
import io.jruns.store.Retention;
import io.jruns.store.RunEnd;
import io.jruns.store.RunStart;
import io.jruns.search.SearchPlan;
import io.jruns.search.SearchRequest;
import io.jruns.search.SearchResult;
import io.jruns.store.Store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The default store: one SQLite file (WAL) plus an artifact folder. Safe for several
 * threads and for several processes on the same files.
 */
public final class EmbeddedStore implements Store {
    private final Path dbFile;
    private final Path artifactRoot;
    private final Database db;
    private final Heartbeat heartbeat;
    /** The daily gc started by opening the store, if it was due; close() waits for it. */
    private final Thread autoGc;
    /** Experiments checked live by planRun (see there). */
    private final java.util.Set<String> liveExperiments = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Opens (creating if needed) the store whose database is {@code dbFile}. */
    public EmbeddedStore(Path dbFile, Path artifactRoot) {
        this.dbFile = dbFile.toAbsolutePath();
        this.artifactRoot = artifactRoot.toAbsolutePath().normalize();
        StoreOpen.createFolders(this.dbFile, this.artifactRoot);
        this.db = new Database(this.dbFile);
        boolean gcDue;
        try {
            gcDue = db.write(c -> StoreOpen.prepare(c, experimentLocation(Experiment.DEFAULT_ID), now()));
        } catch (RuntimeException e) {
            db.close(); // e.g. a store from a newer jruns: leave no connection open
            throw e;
        }
        this.heartbeat = new Heartbeat(db);
        this.autoGc = gcDue ? Purge.inBackground(() -> gc(now() - Retention.DEFAULT.toMillis(), Progress.NONE), dbFile) : null;
    }

    /** The store kept in a jruns home folder: {@code home/jruns.db} and {@code home/artifacts}. */
    public static EmbeddedStore inHome(Path home) {
        return new EmbeddedStore(home.resolve("jruns.db"), home.resolve("artifacts"));
    }

    @Override
    public String describe() {
        return "embedded store " + dbFile;
    }

    public Path databaseFile() {
        return dbFile;
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    private String experimentLocation(String experimentId) {
        return artifactRoot.resolve(experimentId).toUri().toString();
    }

    private Path runArtifacts(RunInfo info) {
        return artifactRoot.resolve(info.experimentId()).resolve(info.runId());
    }

    // ---- experiments

    @Override
    public String createExperiment(String name, String artifactLocation, Map<String, String> tags) {
        return db.write(c -> {
            String id = Experiments.create(c, null, name, artifactLocation, tags, now());
            if (artifactLocation == null || artifactLocation.isEmpty()) {
                Experiments.setArtifactLocation(c, Long.parseLong(id), experimentLocation(id));
            }
            return id;
        });
    }

    @Override
    public Optional<Experiment> getExperiment(String experimentId) {
        return db.read(c -> Experiments.get(c, Experiments.key(experimentId)));
    }

    @Override
    public Optional<Experiment> getExperimentByName(String name) {
        return db.read(c -> {
            Optional<Long> id = Experiments.findId(c, name);
            return id.isPresent() ? Experiments.get(c, id.get()) : Optional.empty();
        });
    }

    @Override
    public List<Experiment> listExperiments(ViewType viewType) {
        return db.read(c -> Experiments.list(c, viewType));
    }

    @Override
    public void setExperimentTag(String experimentId, String key, String value) {
        db.write(c -> {
            Experiments.require(c, experimentId);
            Experiments.setTag(c, Experiments.key(experimentId), key, value);
            return null;
        });
    }

    // ---- runs

    @Override
    public RunInfo createRun(String experimentId, String userId, long startTime, String runName, List<RunTag> tags) {
        RunStart start = newRun(experimentId, userId, startTime, runName, tags);
        RunInfo info = start.info();
        long rid = db.write(c -> {
            Experiments.requireLive(c, experimentId);
            Map<String, String> allTags = new java.util.LinkedHashMap<>();
            start.tags().forEach(t -> allTags.put(t.key(), t.value()));
            return RunRows.insert(c, info.runId(), Experiments.key(experimentId), info.runName(), userId, startTime,
                    info.artifactUri(), allTags, now());
        });
        heartbeat.own(info.runId(), rid);
        return info;
    }

    /** The run's id (made here) and info, and its tags with the system ones; nothing written. */
    private RunStart newRun(String experimentId, String userId, long startTime, String runName, List<RunTag> tags) {
        String runId = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> allTags = RunRows.startTags(tags, runName, userId);
        String name = allTags.get(SystemTags.RUN_NAME);
        String artifactUri = artifactRoot.resolve(experimentId).resolve(runId).toUri().toString();
        RunInfo info = new RunInfo(runId, experimentId, name, userId, RunStatus.RUNNING, startTime, null,
                LifecycleStage.ACTIVE, null, artifactUri);
        List<RunTag> tagList = new java.util.ArrayList<>(allTags.size());
        allTags.forEach((k, v) -> tagList.add(new RunTag(k, v)));
        return new RunStart(info, tagList);
    }

    /**
     * The experiment is checked now (as createRun would), once per experiment: jruns stores
     * never delete experiments, so one found live stays so.
     */
    @Override
    public Optional<RunStart> planRun(String experimentId, String userId, long startTime, String runName,
                                      List<RunTag> tags) {
        if (!liveExperiments.contains(experimentId)) {
            Experiments.key(experimentId);
            db.read(c -> {
                Experiments.requireLive(c, experimentId);
                return null;
            });
            liveExperiments.add(experimentId);
        }
        return Optional.of(newRun(experimentId, userId, startTime, runName, tags));
    }

    @Override
    public Optional<Run> getRun(String runId) {
        return db.read(c -> RunReads.get(c, runId));
    }

    private RunInfo requireRun(String runId) {
        return getRun(runId).orElseThrow(() -> JrunsException.notFound("run '" + runId + "' does not exist")).info();
    }

    @Override
    public void updateRun(String runId, RunStatus status, Long endTime, String runName) {
        db.write(c -> {
            RunRows.update(c, runId, status, endTime, runName);
            return null;
        });
        if (status != null && status.isTerminated()) heartbeat.release(runId);
    }

    /** MLflow's delete_run: this run only, whatever is below it. */
    @Override
    public void deleteRun(String runId) {
        RunLifecycle.delete(db, List.of(runId), true, Progress.NONE);
    }

    @Override
    public void deleteRun(String runId, long deletedTime) {
        RunLifecycle.deleteAt(db, runId, deletedTime);
    }

    /** MLflow's restore_run: this run only. */
    @Override
    public void restoreRun(String runId) {
        RunLifecycle.restore(db, List.of(runId), false, Progress.NONE);
    }

    // ---- managing runs: set-based SQL in RunLifecycle and Purge

    @Override
    public int deleteRuns(List<String> runIds, boolean keepDescendants, Progress progress) {
        return RunLifecycle.delete(db, runIds, keepDescendants, progress);
    }

    @Override
    public int restoreRuns(List<String> runIds, Progress progress) {
        return RunLifecycle.restore(db, runIds, true, progress);
    }

    @Override
    public int deleteRunsCreatedBefore(String experimentId, long maxTimestampMillis, int maxRuns, Progress progress) {
        requireExperiment(experimentId);
        return RunLifecycle.deleteCreatedBefore(db, Experiments.key(experimentId), maxTimestampMillis, maxRuns, progress);
    }

    @Override
    public int restoreRunsDeletedSince(String experimentId, long minTimestampMillis, int maxRuns, Progress progress) {
        requireExperiment(experimentId);
        return RunLifecycle.restoreDeletedSince(db, Experiments.key(experimentId), minTimestampMillis, maxRuns, progress);
    }

    @Override
    public GcResult gc(long deletedBefore, Progress progress) {
        return Purge.run(db, artifactRoot, deletedBefore, progress);
    }

    private void requireExperiment(String experimentId) {
        db.read(c -> Experiments.require(c, experimentId));
    }

    @Override
    public List<Run> listRuns(List<String> experimentIds, ViewType viewType, int maxResults) {
        if (experimentIds.isEmpty()) return List.of();
        experimentIds.forEach(io.jruns.internal.validate.Validation::experimentId);
        return db.read(c -> RunReads.list(c, experimentIds, viewType, maxResults));
    }

    private static SearchPlan plan(SearchRequest request) {
        request.experimentIds().forEach(io.jruns.internal.validate.Validation::experimentId);
        return SearchPlan.of(request);
    }

    /** Filter, order and paging run in SQL on the search indexes (see RunSearch). */
    @Override
    public SearchResult searchRuns(SearchRequest request) {
        SearchPlan plan = plan(request);
        return db.read(c -> RunSearch.page(c, plan));
    }

    /** One pass of the search's SQL, the runs' data read a block at a time (see RunScan). */
    @Override
    public long scanRuns(SearchRequest request, long limit, java.util.function.Consumer<Run> sink) {
        SearchPlan plan = plan(request);
        return db.read(c -> RunScan.scan(c, plan, limit, sink));
    }

    /** SQL COUNT, exact whatever {@code atMost} (see CountSql). */
    @Override
    public io.jruns.search.RunCount countRuns(SearchRequest request, long atMost) {
        SearchPlan plan = plan(request);
        return io.jruns.search.RunCount.exactly(db.read(c -> CountSql.count(c, plan)));
    }

    /** Each run's data in a few driver calls, on two connections of one snapshot (see CsvRows). */
    @Override
    public long csvRows(SearchRequest request, long limit, io.jruns.store.CsvTable table) {
        SearchPlan plan = plan(request);
        return db.readPair((c, second) -> CsvRows.scan(c, second, plan, limit, table));
    }

    // ---- logging

    @Override
    public void logBatch(LogBatch batch) {
        List<JrunsException> problems = logBatches(List.of(batch));
        if (!problems.isEmpty()) throw problems.get(0);
    }

    @Override
    public List<JrunsException> logBatches(List<LogBatch> batches, boolean durable) {
        if (batches.isEmpty()) return List.of(); // nothing is held back here: an empty flush has no work
        return db.write(durable, c -> RunWrites.logBatches(c, batches));
    }

    /** Runs started, values and run ends of one writer round: one transaction (see RunRounds). */
    @Override
    public List<JrunsException> logBatches(List<RunStart> starts, List<LogBatch> batches, List<RunEnd> ends,
                                           boolean durable) {
        RunRounds.Written w = db.write(durable, c -> RunRounds.write(c, starts, batches, ends, now()));
        w.started().forEach(heartbeat::own); // after the commit: a retried transaction makes new rids
        for (RunEnd e : ends) if (e.status().isTerminated()) heartbeat.release(e.runId());
        return w.problems();
    }

    @Override
    public void deleteTag(String runId, String key) {
        db.write(c -> {
            RunWrites.deleteTag(c, runId, key);
            return null;
        });
    }

    @Override
    public List<Metric> getMetricHistory(String runId, String key) {
        return db.read(c -> RunReads.history(c, runId, key));
    }

    // ---- artifacts

    @Override
    public void logArtifact(String runId, Path local, String artifactPath) {
        RunInfo info = requireRun(runId);
        if (info.lifecycleStage() == LifecycleStage.DELETED) {
            throw new JrunsException(JrunsException.Code.INVALID_STATE, "run '" + runId + "' is deleted: restore it first");
        }
        LocalArtifacts.copyIn(runArtifacts(info), local, artifactPath);
    }

    @Override
    public List<FileInfo> listArtifacts(String runId, String path) {
        return LocalArtifacts.list(runArtifacts(requireRun(runId)), path);
    }

    @Override
    public Path downloadArtifact(String runId, String path) {
        return LocalArtifacts.existing(runArtifacts(requireRun(runId)), runId, path);
    }

    @Override
    public void close() {
        Purge.await(autoGc);
        heartbeat.close();
        db.close();
    }
}
