package io.jruns.transfer;

import io.jruns.domain.JrunsException;
import io.jruns.internal.files.ArtifactFolder;
import io.jruns.domain.Experiment;
import io.jruns.domain.FileInfo;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.search.RunOrder;
import io.jruns.search.SearchPlan;
import io.jruns.search.SearchRequest;
import io.jruns.store.StoreReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder in MLflow's file-store layout (a real MLflow {@code mlruns} folder or a jruns
 * export) read as a {@link StoreReader}, so importing is copying from it. Searches use the
 * reader's in-memory default over {@link #listRuns}.
 */
public final class MlrunsStore implements StoreReader {
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private final Path root;
    private final MlrunsLeftOut leftOut;
    /** Run folders by name, as listRuns found them: an import reads each run's files by id, many times a run. */
    private final Map<String, Path> runDirs = new ConcurrentHashMap<>();
    private final MlrunsHistories histories = new MlrunsHistories();

    public MlrunsStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.leftOut = new MlrunsLeftOut(this.root);
        if (!Files.isDirectory(this.root)) throw JrunsException.notFound("no folder at " + this.root);
        // an empty folder is an empty store; one holding other things is not a store at all
        if (experimentDirs().isEmpty() && !children(this.root).isEmpty()) {
            throw JrunsException.invalid(this.root + " is not in MLflow's file-store layout (an mlruns folder or a jruns"
                    + " export): it has no experiment folder with a meta.yaml");
        }
    }

    @Override
    public String describe() {
        return "MLflow file store " + root;
    }

    public String uri() {
        return root.toUri().toString();
    }

    // ---- experiments: DIR/<id>/meta.yaml, deleted ones in DIR/.trash/<id>

    @Override
    public List<Experiment> listExperiments(ViewType viewType) {
        List<Experiment> out = new ArrayList<>();
        for (Path d : experimentDirs()) {
            Experiment e = experiment(d);
            if (viewType.includes(e.lifecycleStage())) out.add(e);
        }
        return out;
    }

    private List<Path> experimentDirs() {
        List<Path> out = new ArrayList<>(children(root));
        out.addAll(children(root.resolve(".trash")));
        out.removeIf(d -> d.getFileName().toString().startsWith(".") || !leftOut.readableMeta(d));
        return out;
    }

    private Experiment experiment(Path d) {
        MlrunsMeta m = MlrunsMeta.read(d.resolve("meta.yaml"));
        String id = m.string("experiment_id", d.getFileName().toString());
        boolean trashed = d.getParent().getFileName().toString().equals(".trash");
        LifecycleStage stage = trashed ? LifecycleStage.DELETED : m.stage();
        return new Experiment(id, m.string("name", id), m.string("artifact_location", null), stage,
                m.number("creation_time", 0L), m.number("last_update_time", 0L), MlrunsFiles.values(d.resolve("tags"), leftOut::link));
    }

    @Override
    public Optional<Experiment> getExperiment(String experimentId) {
        return listExperiments(ViewType.ALL).stream().filter(e -> e.experimentId().equals(experimentId)).findFirst();
    }

    @Override
    public Optional<Experiment> getExperimentByName(String name) {
        return listExperiments(ViewType.ALL).stream().filter(e -> e.name().equals(name)).findFirst();
    }

    // ---- runs: DIR/<exp>/<run>/meta.yaml and its metrics/, params/, tags/, artifacts/

    @Override
    public List<Run> listRuns(List<String> experimentIds, ViewType viewType, int maxResults) {
        List<Run> out = new ArrayList<>();
        for (Path d : experimentDirs()) {
            if (!experimentIds.contains(experiment(d).experimentId())) continue;
            for (Path r : children(d)) {
                if (RunFolders.isPartial(r) && Files.isDirectory(r, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    leftOut.partial(r);
                }
                if (r.getFileName().toString().startsWith(".") || !leftOut.readableMeta(r)) continue;
                runDirs.putIfAbsent(r.getFileName().toString(), r);
                Run run = MlrunsRunRead.run(r, leftOut, histories);
                if (viewType.includes(run.info().lifecycleStage())) out.add(run);
            }
        }
        out.sort(RunOrder.comparator(List.of()));
        return out.size() > maxResults ? out.subList(0, maxResults) : out;
    }

    /** The runs are read once for the whole scan (see MlrunsScan). */
    @Override
    public long scanRuns(SearchRequest request, long limit, Consumer<Run> sink) {
        SearchPlan plan = SearchPlan.of(request); // a bad filter fails before any run is read
        return MlrunsScan.scan(plan, listRuns(request.experimentIds(), request.viewType(), Integer.MAX_VALUE), limit, sink);
    }

    @Override
    public Optional<Run> getRun(String runId) {
        return runDir(runId).map(r -> MlrunsRunRead.run(r, leftOut, histories));
    }

    private Optional<Path> runDir(String runId) {
        if (!RUN_ID.matcher(runId).matches()) return Optional.empty();
        Path known = runDirs.get(runId);
        if (known != null && MlrunsFiles.plainFile(known.resolve("meta.yaml"))) return Optional.of(known);
        for (Path d : experimentDirs()) {
            Path r = d.resolve(runId);
            if (MlrunsFiles.plainFile(r.resolve("meta.yaml"))) return Optional.of(r);
        }
        return Optional.empty();
    }

    @Override
    public List<Metric> getMetricHistory(String runId, String key) {
        Path f = MlrunsFiles.keyPath(requireRun(runId).resolve("metrics"), key);
        return MlrunsFiles.plainFile(f) ? histories.take(f, key) : List.of();
    }

    private Path requireRun(String runId) {
        return runDir(runId).orElseThrow(() -> JrunsException.notFound("run '" + runId + "' is not in " + root));
    }

    // ---- artifacts: the run's artifacts/ folder

    /** Artifact links that lead out of their run are not imported (an export folder may come from anyone). */
    @Override
    public List<FileInfo> listArtifacts(String runId, String path) {
        return ArtifactFolder.list(requireRun(runId).resolve("artifacts"), path == null ? "" : path,
                link -> leftOut.artifactLink(runId, link));
    }

    @Override
    public Path downloadArtifact(String runId, String path) {
        return ArtifactFolder.existing(requireRun(runId).resolve("artifacts"), runId, path);
    }

    /** MLflow's file store keeps a run's dataset inputs in its inputs/ folder: jruns does not carry them. */
    @Override
    public Optional<String> notCarried(String runId) {
        int inputs = runDir(runId).map(d -> children(d.resolve("inputs")).size()).orElse(0);
        return inputs == 0 ? Optional.empty() : Optional.of(inputs + " dataset input" + (inputs == 1 ? "" : "s")
                + " (MLflow's, which jruns does not keep)");
    }

    /** What was left out so far (links, each said in a phrase), in the order met. */
    public List<String> leftOut() {
        return leftOut.list();
    }

    @Override
    public void close() {
        // nothing held open
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
