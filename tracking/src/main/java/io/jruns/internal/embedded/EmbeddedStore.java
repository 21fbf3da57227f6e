package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.FileInfo;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.ViewType;
import io.jruns.store.GcResult;
import io.jruns.store.Progress;
import io.jruns.store.MetricColumns;
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

/**
 * The default store: one SQLite file (WAL) plus an artifact folder. Safe for several
 * threads and for several processes on the same files.
 */
public final class EmbeddedStore implements Store {
    private final Path dbFile;
    private final Path artifactRoot;
    private final Database db;
    private final Heartbeat heartbeat;
    private final RunManagement manage;
    private final RunStarts starts;
    private final LogWrites logs;
    private final RunArtifacts artifacts;
    private final StoreFileWatch watch;

    /**
     * Opens (creating if needed) the store whose database is {@code dbFile}; one this user
     * cannot write is opened to read only.
     */
    public EmbeddedStore(Path dbFile, Path artifactRoot) {
        this(dbFile, artifactRoot, StoreOpen.unwritable(dbFile.toAbsolutePath()));
    }

    private EmbeddedStore(Path dbFile, Path artifactRoot, String readOnly) {
        this.dbFile = dbFile.toAbsolutePath();
        this.artifactRoot = artifactRoot.toAbsolutePath().normalize();
        boolean gcDue = false;
        if (readOnly == null) {
            StoreOpen.createFolders(this.dbFile, this.artifactRoot);
            this.db = new Database(this.dbFile);
            gcDue = StoreOpen.prepareOrRead(db, this.dbFile, experimentLocation(Experiment.DEFAULT_ID));
        } else {
            this.db = StoreOpen.toRead(this.dbFile, readOnly);
        }
        this.watch = new StoreFileWatch(this.dbFile);
        this.heartbeat = new Heartbeat(db);
        this.starts = new RunStarts(db, this.artifactRoot, heartbeat);
        this.logs = new LogWrites(db, heartbeat);
        this.artifacts = new RunArtifacts(this.artifactRoot, id -> db.read(c -> RunReads.infoOf(c, id)));
        this.manage = new RunManagement(db, this.artifactRoot, gcDue);
    }

    /**
     * Opens an existing store to read only: nothing in its files changes (no upgrade, no
     * ending of runs whose process died, no daily gc) and every write is refused.
     */
    static EmbeddedStore toRead(Path dbFile, Path artifactRoot) {
        return new EmbeddedStore(dbFile, artifactRoot, "opened only to read it");
    }

    /** The store kept in a jruns home folder: {@code home/jruns.db} and {@code home/artifacts}. */
    public static EmbeddedStore inHome(Path home) {
        return new EmbeddedStore(home.resolve("jruns.db"), home.resolve("artifacts"));
    }

    @Override
    public String describe() {
        return "embedded store " + dbFile;
    }

    /** Waits for the daily gc that opening the store may have started (for tests). */
    void awaitAutoGc() {
        manage.awaitAutoGc();
    }

    Database database() {
        return db;
    }

    public Path databaseFile() {
        return dbFile;
    }

    private String experimentLocation(String experimentId) {
        return artifactRoot.resolve(experimentId).toUri().toString();
    }

    // ---- experiments

    @Override
    public String createExperiment(String name, String artifactLocation, Map<String, String> tags) {
        long now = System.currentTimeMillis();
        return createExperiment(name, artifactLocation, tags, now, now);
    }

    @Override
    public String createExperiment(String name, String artifactLocation, Map<String, String> tags,
                                   long creationTime, long lastUpdateTime) {
        return db.write(c -> {
            String id = Experiments.create(c, null, name, artifactLocation, tags, creationTime, lastUpdateTime);
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
    public List<Experiment> experimentsTagged(String key, String value) {
        return db.read(c -> Experiments.tagged(c, key, value));
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
        return starts.create(experimentId, userId, startTime, runName, tags);
    }

    @Override
    public Optional<RunStart> planRun(String experimentId, String userId, long startTime, String runName,
                                      List<RunTag> tags) {
        return Optional.of(starts.plan(experimentId, userId, startTime, runName, tags));
    }

    @Override
    public Optional<Run> getRun(String runId) {
        return db.read(c -> RunReads.get(c, runId));
    }

    @Override
    public Optional<String> liveOwner(String runId) {
        return db.read(c -> Liveness.liveOwner(c, runId, System.currentTimeMillis()));
    }

    @Override
    public void updateRun(String runId, RunStatus status, Long endTime, String runName) {
        db.write(c -> {
            RunRows.update(c, runId, status, endTime, runName);
            return null;
        });
        if (status != null && status.isTerminated()) heartbeat.release(runId);
    }

    // ---- managing runs (see RunManagement)

    @Override
    public void deleteRun(String runId) {
        manage.deleteRun(runId);
    }

    @Override
    public void deleteRun(String runId, long deletedTime) {
        manage.deleteRun(runId, deletedTime);
    }

    @Override
    public void restoreRun(String runId) {
        manage.restoreRun(runId);
    }

    @Override
    public int deleteRuns(List<String> runIds, boolean keepDescendants, Progress progress) {
        return manage.deleteRuns(runIds, keepDescendants, progress);
    }

    @Override
    public int restoreRuns(List<String> runIds, Progress progress) {
        return manage.restoreRuns(runIds, progress);
    }

    @Override
    public int deleteRunsCreatedBefore(String experimentId, long maxTimestampMillis, int maxRuns, Progress progress) {
        return manage.deleteRunsCreatedBefore(experimentId, maxTimestampMillis, maxRuns, progress);
    }

    @Override
    public int restoreRunsDeletedSince(String experimentId, long minTimestampMillis, int maxRuns, Progress progress) {
        return manage.restoreRunsDeletedSince(experimentId, minTimestampMillis, maxRuns, progress);
    }

    @Override
    public GcResult gc(long deletedBefore, Progress progress) {
        db.refuseIfReadOnly();
        return manage.gc(deletedBefore, progress);
    }

    @Override
    public long compact() {
        return db.compact();
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
        logs.batch(batch);
    }

    @Override
    public List<JrunsException> logBatches(List<LogBatch> batches, boolean durable) {
        return logs.batches(batches, durable);
    }

    /** Runs started, values and run ends of one writer round: one transaction (see RunRounds). */
    @Override
    public List<JrunsException> logBatches(List<RunStart> starts, List<LogBatch> batches, List<RunEnd> ends,
                                           boolean durable) {
        return logs.round(starts, batches, List.of(), ends, durable);
    }

    /** As above, the points as columns packed directly into chunks (see MetricWrites). */
    @Override
    public List<JrunsException> logRound(List<RunStart> starts, List<LogBatch> batches, List<MetricColumns> metrics,
                                         List<RunEnd> ends, boolean durable) {
        if (durable) watch.warnIfRemoved(); // a flush promises the values are in the store: that file
        return logs.round(starts, batches, metrics, ends, durable);
    }

    @Override
    public void deleteTag(String runId, String key) {
        logs.deleteTag(runId, key);
    }

    @Override
    public List<Metric> getMetricHistory(String runId, String key) {
        return db.read(c -> RunReads.history(c, runId, key));
    }

    // ---- artifacts (see RunArtifacts)

    @Override
    public void logArtifact(String runId, Path local, String artifactPath) {
        db.refuseIfReadOnly();
        artifacts.log(runId, local, artifactPath);
    }

    @Override
    public List<FileInfo> listArtifacts(String runId, String path) {
        return artifacts.list(runId, path);
    }

    @Override
    public Path downloadArtifact(String runId, String path) {
        return artifacts.download(runId, path);
    }

    @Override
    public void close() {
        manage.close();
        heartbeat.close();
        db.close();
    }
}
