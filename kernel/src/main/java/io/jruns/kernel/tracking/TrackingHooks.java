package io.jruns.kernel.tracking;

import io.jruns.ActiveRun;
import io.jruns.Jruns;
import io.jruns.RunContext;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import io.jruns.kernel.home.KernelVersion;
import io.jruns.kernel.cell.CellContext;
import io.jruns.kernel.cell.CellListener;
import io.jruns.kernel.env.EnvironmentHook;
import io.jruns.kernel.eval.EvaluationFailure;
import io.jruns.magics.notebook.NotebookIdentity;
import io.jruns.magics.notebook.NotebookRunContext;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Ties tracking to the kernel: runs name the notebook and its revision; every cell ends with
 * a flush (so a crash after a cell loses nothing it logged); the cells that ran while a run was
 * open are recorded on it (by the ids the frontend sends), and the one that ended it; each run stores at its end
 * the notebook that ran ({@link RanCells}); shutdown or restart ends open runs as KILLED. A job's kernel
 * ({@code jruns execute}) ends them as its end says: FAILED after a failing cell (which stops
 * the job), else FINISHED, as MLflow ends an open run when its process exits. Nothing here
 * opens the store: a notebook that never logs never touches it. The kernel registers the
 * hooks as a cell listener and calls {@link #kernelShuttingDown} when it stops.
 */
public final class TrackingHooks implements CellListener {
    /** What every notebook can use without importing it. */
    public static final List<String> STARTUP_IMPORTS = List.of("import io.jruns.*;", "import io.jruns.domain.RunStatus;");
    /**
     * Packages whose public types a cell may name without importing them, as the docs' examples
     * do: imported one type at a time, when a cell's compile lacks it (never ahead: see MissingImports).
     */
    public static final List<String> API_PACKAGES = List.of("io.jruns.domain", "io.jruns.search", "io.jruns.store",
            "io.jruns.views", "io.jruns.model", "io.jruns.snippet", "io.jruns.ui", "tech.tablesaw.api", "java.time");
    private static final int MAX_CELLS_TAG = 8000;

    private final Supplier<Optional<CellContext>> currentCell;
    private final Map<String, Set<String>> cellsByRun = new ConcurrentHashMap<>();
    /** How the last cell ended, for how a job's open runs end. */
    enum CellEnd { RAN, FAILED, INTERRUPTED }

    private volatile CellEnd lastCell = CellEnd.RAN;
    private final RanCells ranCells = new RanCells();

    private TrackingHooks(Supplier<Optional<CellContext>> currentCell) {
        this.currentCell = currentCell;
    }

    /**
     * Makes new runs name this notebook and record the kernel's environment.
     *
     * @param currentCell the cell being executed, if any: the cell that starts a run is tagged
     */
    public static TrackingHooks install(NotebookIdentity identity, EnvironmentHook environment,
            Supplier<Optional<CellContext>> currentCell) {
        TrackingHooks hooks = new TrackingHooks(currentCell);
        NotebookRunContext notebook = new NotebookRunContext(identity::path, "jruns-kernel " + KernelVersion.get());
        Jruns.setRunContext(new RunContext() {
            @Override
            public Map<String, String> tags() {
                Map<String, String> tags = new LinkedHashMap<>(notebook.tags());
                hooks.cellId().ifPresent(id -> tags.put(SystemTags.NOTEBOOK_START_CELL_ID, id));
                tags.put(SystemTags.KERNEL_SPEC, environment.kernelName());
                tags.putAll(environment.tags());
                return tags;
            }

            @Override
            public Optional<String> defaultExperimentName() {
                return notebook.defaultExperimentName();
            }

            @Override
            public Optional<String> defaultExperimentSource() {
                return notebook.defaultExperimentSource();
            }

            @Override
            public void onRunStarted(ActiveRun run) {
                notebook.onRunStarted(run);
                hooks.ranCells.started(run, identity.path());
                environment.onRunStarted(run);
            }
        });
        return hooks;
    }

    /** Ends open runs and writes what was logged: the kernel is stopping or restarting. */
    public void kernelShuttingDown(boolean restart) {
        // a cell still running as the kernel stops (SIGINT or SIGTERM to it) was cut off
        CellEnd end = currentCell.get().isPresent() ? CellEnd.INTERRUPTED : lastCell;
        storeRanNotebooks(ranCells::finishAll);
        Jruns.endAllRuns(statusAtShutdown(restart, end, System.getenv(NotebookRunContext.SOURCE_TYPE_ENV)));
        Jruns.flush();
    }

    /**
     * A job ends when its cells are done or one failed, or is stopped when one was interrupted
     * (Ctrl-C on jruns execute); in a notebook a person left the run open.
     */
    static RunStatus statusAtShutdown(boolean restart, CellEnd lastCell, String sourceType) {
        boolean job = sourceType != null && sourceType.strip().equalsIgnoreCase("JOB");
        if (!job || restart) return RunStatus.KILLED;
        return switch (lastCell) {
            case RAN -> RunStatus.FINISHED;
            case FAILED -> RunStatus.FAILED;
            case INTERRUPTED -> RunStatus.KILLED;
        };
    }

    private Optional<String> cellId() {
        return currentCell.get().flatMap(CellContext::cellIdIfAny);
    }

    @Override
    public void afterCell(CellContext cell, Throwable failure) {
        lastCell = failure == null ? CellEnd.RAN
                : failure instanceof EvaluationFailure f && f.kind() == EvaluationFailure.Kind.INTERRUPTED ? CellEnd.INTERRUPTED
                : CellEnd.FAILED;
        // every cell that ran while the run was open is marked: telling whether a cell logged would
        // cost reading the run back before and after each cell, a server call each on a remote store
        cell.cellIdIfAny().ifPresent(id -> Jruns.activeRun().ifPresent(run -> recordCell(run, id)));
        storeRanNotebooks(() -> ranCells.afterCell(cell).forEach(ended -> cell.cellIdIfAny().ifPresent(id -> {
            ended.setTag(SystemTags.NOTEBOOK_END_CELL_ID, id);
            recordCell(ended, id);
        })));
        Jruns.flush(); // no-op until something was logged
    }

    /** What ran is stored as the run ends; failing to store it must not fail the cell or lose the run. */
    private static void storeRanNotebooks(Runnable store) {
        try {
            store.run();
        } catch (RuntimeException e) {
            System.err.println("note: the notebook that ran was not stored with the run: " + e.getMessage());
        }
    }

    private void recordCell(ActiveRun run, String cellId) {
        Set<String> cells = cellsByRun.computeIfAbsent(run.runId(), r -> new LinkedHashSet<>());
        if (!cells.add(cellId)) return;
        String joined = String.join(",", cells);
        if (joined.length() <= MAX_CELLS_TAG) run.setTag(SystemTags.NOTEBOOK_CELL_IDS, joined);
    }
}
