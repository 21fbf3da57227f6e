package io.jruns;

import io.jruns.domain.JrunsException;

import io.jruns.domain.Experiment;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.store.Store;
import io.jruns.store.Stores;
import io.jruns.store.TrackingUri;
import io.jruns.store.LongValues;
import io.jruns.internal.validate.Validation;
import io.jruns.internal.writer.AsyncWriter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One process's tracking state behind the {@link Jruns} facade: the store and its writer
 * (opened on first use), the active experiment and the stack of active runs. The stack is
 * process-wide, not per thread, so a training loop may log from worker threads.
 */
final class Session implements AutoCloseable {
    final TrackingClient client;
    private final Store store;
    private final Deque<ActiveRun> runs = new ArrayDeque<>();
    private volatile ActiveRun current;
    private volatile String experimentId;
    /** True once the user (or the environment) chose an experiment; else the context's default applies. */
    private volatile boolean experimentChosen;
    private volatile RunContext context = RunContext.installed();
    private final DefaultExperiments defaults;

    Session(TrackingUri uri) {
        this.client = TrackingClient.open(uri, System.getenv());
        this.store = client.store;
        this.defaults = new DefaultExperiments(store, this::experimentIdFor);
        this.experimentId = initialExperiment();
        client.defaultExperiment(this::activeExperimentId);
        ShutdownHook.installOnce();
    }

    private String initialExperiment() {
        String id = System.getenv("MLFLOW_EXPERIMENT_ID");
        String name = System.getenv("JRUNS_EXPERIMENT_NAME");
        if (name == null || name.isBlank()) name = System.getenv("MLFLOW_EXPERIMENT_NAME");
        experimentChosen = (id != null && !id.isBlank()) || (name != null && !name.isBlank());
        if (id != null && !id.isBlank()) return id.trim();
        return name == null || name.isBlank() ? Experiment.DEFAULT_ID : experimentIdFor(name.trim());
    }

    void setRunContext(RunContext context) {
        this.context = context;
    }

    /** The id of the experiment with this name, creating it when missing. */
    String experimentIdFor(String name) {
        Validation.experimentName(name);
        Optional<Experiment> found = store.getExperimentByName(name);
        if (found.isPresent()) return found.get().experimentId();
        try {
            return store.createExperiment(name, null, Map.of());
        } catch (JrunsException e) {
            // Another process created it between our look-up and create.
            if (e.code() == JrunsException.Code.RESOURCE_ALREADY_EXISTS) {
                return store.getExperimentByName(name).orElseThrow().experimentId();
            }
            throw e;
        }
    }

    Experiment setExperiment(String name) {
        String id = experimentIdFor(name);
        this.experimentId = id;
        this.experimentChosen = true;
        return store.getExperiment(id).orElseThrow();
    }

    /** The experiment new runs go to: the chosen one, else the context's default, else Default. */
    String activeExperimentId() {
        if (!experimentChosen) {
            Optional<String> name = context.defaultExperimentName();
            if (name.isPresent()) return defaults.idFor(name.get(), context.defaultExperimentSource());
        }
        return experimentId;
    }

    Experiment experiment() {
        String experimentId = activeExperimentId();
        return store.getExperiment(experimentId)
                .orElseThrow(() -> JrunsException.notFound("experiment '" + experimentId + "' does not exist"));
    }

    synchronized ActiveRun startRun(RunOptions options) {
        ActiveRun parent = current;
        if (parent != null && !options.nested()) {
            throw new JrunsException(JrunsException.Code.INVALID_STATE, "run '" + parent.name() + "' ("
                    + parent.runId() + ") is already active: end it first, or start this one nested");
        }
        String expId = options.experimentName() != null ? experimentIdFor(options.experimentName()) : activeExperimentId();
        Map<String, String> tags = new LinkedHashMap<>(context.tags());
        tags.putAll(options.tags());
        if (parent != null) tags.put(SystemTags.PARENT_RUN_ID, parent.runId());
        if (options.note() != null) tags.put(SystemTags.NOTE, options.note());
        String user = tags.getOrDefault(SystemTags.USER, DefaultRunContext.user());
        RunInfo info = client.createRun(expId, options.name(), tags, user);
        ActiveRun run = new ActiveRun(this, info.runId(), info.experimentId(), info.runName());
        runs.push(run);
        current = run;
        context.onRunStarted(run);
        return run;
    }

    /** The active run, starting one (as MLflow does) when a value is logged with none active. */
    ActiveRun currentOrStart() {
        ActiveRun r = current;
        return r != null ? r : startIfNone();
    }

    private synchronized ActiveRun startIfNone() {
        return current != null ? current : startRun(RunOptions.defaults());
    }

    Optional<ActiveRun> current() {
        return Optional.ofNullable(current);
    }

    /** Ends the run (and any run nested under it that is still active). */
    synchronized void endRun(ActiveRun run, RunStatus status) {
        if (!runs.contains(run)) return;
        while (!runs.isEmpty()) {
            ActiveRun top = runs.pop();
            client.setTerminated(top.runId(), status);
            if (top == run) break;
        }
        current = runs.peek();
    }

    synchronized List<ActiveRun> activeRuns() {
        return List.copyOf(runs);
    }

    @Override
    public void close() {
        client.close();
    }
}
