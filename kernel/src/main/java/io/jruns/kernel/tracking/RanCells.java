package io.jruns.kernel.tracking;

import io.jruns.ActiveRun;
import io.jruns.Jruns;
import io.jruns.domain.NotebookArtifacts;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import io.jruns.kernel.cell.CellContext;
import io.jruns.magics.notebook.RanNotebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cells the kernel ran before each run began (the last execution of each) and while it was
 * active, in order, and at the run's end the notebook that ran ({@link RanNotebook}) stored
 * with it under {@code notebook/ran/} when it is not the copy saved at its start (cells edited
 * and run before saving).
 */
final class RanCells {
    static final String UNSAVED_NOTE = "note: this notebook has unsaved changes; the run keeps the code that ran";
    static final String ORDER_NOTE = "note: this run's cells ran out of their order in the notebook, or one more than once;"
            + " jruns reproduce runs them top to bottom, once each, which may not give this run's results";
    /** Cells of the kernel's session remembered for the runs to come: the last execution of each. */
    private static final int SESSION_CELLS = 500;

    /** One active run: the saved notebook as it was at start, and what ran since. */
    private record Entry(ActiveRun run, String saved, String fileName, List<RanNotebook.Cell> before, List<RanNotebook.Cell> cells) { }

    /**
     * The cells run in this kernel so far, the last execution of each (by id, else by code): a
     * set-up cell edited and run before saving made the run's state too.
     */
    private final java.util.LinkedHashMap<String, RanNotebook.Cell> session = new java.util.LinkedHashMap<>();

    private final Map<String, Entry> runs = new ConcurrentHashMap<>();

    /** The run started: reads the saved file now, as its copy is taken now too. */
    void started(ActiveRun run, Optional<Path> notebook) {
        String saved = null;
        try {
            if (notebook.isPresent() && Files.isRegularFile(notebook.get())) saved = Files.readString(notebook.get());
        } catch (IOException e) {
            System.err.println("note: cannot read " + notebook.get() + " (" + e.getMessage() + "); the run keeps only the cells that ran");
        }
        String name = notebook.map(p -> p.getFileName().toString()).orElse("notebook.ipynb");
        List<RanNotebook.Cell> before;
        synchronized (session) {
            before = List.copyOf(session.values());
        }
        runs.put(run.runId(), new Entry(run, saved, name, before, new ArrayList<>()));
    }

    boolean any() {
        return !runs.isEmpty();
    }

    /**
     * The cell ended: it ran in every run we hold (each was active during it); the runs it
     * ended are finished. Returns the runs it ended.
     */
    List<ActiveRun> afterCell(CellContext cell) {
        RanNotebook.Cell ran = new RanNotebook.Cell(cell.cellId(), cell.code());
        // jruns execute's parameters cell is not the notebook's code: the run has them as params
        if (!"injected-parameters".equals(ran.id())) record(ran);
        Optional<ActiveRun> current = Jruns.activeRun();
        List<ActiveRun> ended = new ArrayList<>();
        for (Entry e : List.copyOf(runs.values())) {
            boolean active = current.map(c -> c.runId().equals(e.run().runId())).orElse(false)
                    || (current.isPresent() && e.run().info().info().status() == RunStatus.RUNNING); // nested under it
            if (!active) {
                runs.remove(e.run().runId());
                if (deleted(e.run())) continue; // deleted in the cell that ended it: nothing more is written to it
                finish(e);
                ended.add(e.run());
            }
        }
        return ended;
    }

    private void record(RanNotebook.Cell ran) {
        runs.values().forEach(e -> e.cells().add(ran));
        synchronized (session) {
            String key = ran.id() != null ? "id:" + ran.id() : "code:" + ran.code();
            session.remove(key); // its last execution, in the order of last executions
            session.put(key, ran);
            if (session.size() > SESSION_CELLS) session.remove(session.keySet().iterator().next());
        }
    }

    /** Stores what ran with every run still open: the kernel is ending them. */
    void finishAll() {
        for (Entry e : List.copyOf(runs.values())) {
            runs.remove(e.run().runId());
            if (!deleted(e.run())) finish(e);
        }
    }

    /** A run deleted meanwhile (or gone): its writes would be refused, and fail the cell at its flush. */
    private static boolean deleted(ActiveRun run) {
        try {
            return run.info().info().lifecycleStage() == LifecycleStage.DELETED;
        } catch (RuntimeException gone) {
            return true;
        }
    }

    private void finish(Entry e) {
        runs.remove(e.run().runId());
        List<RanNotebook.Cell> all = new ArrayList<>(e.before());
        all.addAll(e.cells());
        RanNotebook.Result r = RanNotebook.merge(e.saved(), all, e.before().size(), "the saved notebook " + e.fileName());
        if (r.outOfOrder()) System.err.println(ORDER_NOTE);
        // the copy saved at the start is the record when it is what ran: not stored twice (a sweep of runs in one cell)
        if (e.saved() != null && !r.differs()) return;
        try {
            Path dir = Files.createTempDirectory("jruns-ran");
            Path file = dir.resolve(e.fileName());
            Files.writeString(file, r.text());
            e.run().logArtifact(file, NotebookArtifacts.RAN_DIR);
            Files.delete(file);
            Files.delete(dir);
        } catch (IOException x) {
            throw new UncheckedIOException("cannot store the notebook that ran with run " + e.run().runId() + ": " + x.getMessage(), x);
        }
        if (e.saved() != null) { // without a saved file (no notebook path) nothing is "unsaved"
            e.run().setTag(SystemTags.NOTEBOOK_UNSAVED, "true");
            System.err.println(UNSAVED_NOTE);
        }
    }
}
