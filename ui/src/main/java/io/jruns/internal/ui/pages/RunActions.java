package io.jruns.internal.ui.pages;

import io.jruns.RunManager;
import io.jruns.RunQuery;
import io.jruns.domain.JrunsException;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Run;
import io.jruns.internal.ui.UiContext;
import io.jruns.internal.ui.http.Request;
import io.jruns.internal.ui.http.Response;
import io.jruns.store.Progress;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The experiment page's changes (Delete, Restore: POST, then back to the page) and its CSV download. */
final class RunActions {
    private RunActions() {
    }

    /**
     * Deletes (with the runs nested below, as %runs delete does; restorable for 30 days) or
     * restores the ticked runs, then 303 back to the page the form was on with a count to show.
     * A delete first answers with {@link DeleteConfirm}'s question; its form posts {@code confirm=1}.
     */
    static Response change(UiContext ctx, Request r, boolean delete) {
        ExperimentSet e = ExperimentSet.of(ctx, r.param("id"));
        Map<String, List<String>> form = r.form();
        List<String> runs = form.getOrDefault("run", List.of()).stream().filter(s -> !s.isBlank()).distinct().toList();
        boolean keepNested = form.containsKey("keep");
        String back = back(form);
        String done;
        List<Run> ticked = new java.util.ArrayList<>();
        for (String id : runs) ticked.add(inExperiment(ctx, id, e));
        // Delete takes the active runs ticked, Restore the deleted ones; the buttons say so, and a post of none is told
        List<Run> fit = ticked.stream().filter(run -> (run.info().lifecycleStage() == LifecycleStage.ACTIVE) == delete).toList();
        if (runs.isEmpty()) {
            done = "none=1";
        } else if (fit.isEmpty()) {
            done = "none=" + (delete ? "active" : "deleted");
        } else {
            if (delete && !form.containsKey("confirm")) return DeleteConfirm.page(ctx, e, fit, keepNested, back);
            Map<String, List<String>> byExperiment = new java.util.LinkedHashMap<>();
            for (Run run : fit) byExperiment.computeIfAbsent(run.info().experimentId(), x -> new java.util.ArrayList<>()).add(run.runId());
            int n = 0;
            for (Map.Entry<String, List<String>> group : byExperiment.entrySet()) {
                RunManager m = ctx.client().manage(group.getKey());
                n += delete ? m.delete(group.getValue(), keepNested, Progress.NONE) : m.restore(group.getValue(), Progress.NONE);
            }
            done = (delete ? "deleted=" : "restored=") + n;
        }
        return Response.seeOther(e.base() + "?" + (back.isEmpty() ? "" : back + "&") + done);
    }

    /** The query of the page the form was on, rebuilt so the redirect stays on this page; empty when stale. */
    private static String back(Map<String, List<String>> form) {
        List<String> b = form.get("back");
        if (b == null || b.isEmpty()) return "";
        try {
            return RunsForm.of(Request.parseQuery(b.get(0))).query();
        } catch (RuntimeException stale) {
            return "";
        }
    }

    /**
     * The page's form sends the ids of its own rows: a run of another experiment, or a name or id
     * prefix (which the run manager would resolve), is a hand-made request and is refused.
     */
    private static Run inExperiment(UiContext ctx, String runId, ExperimentSet e) {
        Optional<Run> run = ctx.client().store().getRun(runId);
        if (run.isEmpty()) throw JrunsException.invalid("no run with id '" + runId + "': the page sends whole run ids");
        String experimentId = run.get().info().experimentId();
        if (!e.contains(experimentId)) {
            throw JrunsException.invalid("run " + runId + " is not a run of experiment '" + e.name() + "'");
        }
        return run.get();
    }

    /**
     * Every run the filter, state and order select, or only the ticked ones ({@code runs=ID,..}),
     * as %runs csv writes them (formula-like cells neutralised).
     */
    static Response csv(UiContext ctx, Request r) {
        ExperimentSet e = ExperimentSet.of(ctx, r.param("id"));
        RunsForm f = RunsForm.of(r.query());
        String filter = r.query("runs").map(RunActions::ticked).orElse(f.searchFilter());
        RunQuery q = ctx.client().search().experiments(e.ids().toArray(String[]::new)).filter(filter).state(f.viewType());
        if (!f.order().isEmpty()) q.orderBy(f.order());
        StringWriter out = new StringWriter(1 << 16);
        q.exportCsv(out, Progress.NONE);
        // RFC 6266: an ASCII filename for old clients beside filename*=UTF-8'' with the letters kept
        return Response.bytes("text/csv; charset=utf-8", out.toString().getBytes(StandardCharsets.UTF_8)).asAttachment(fileName(e.name()));
    }

    /** The filter of the ticked runs: ids only (letters, digits, '-', '_'), so nothing else can enter the filter. */
    static String ticked(String ids) {
        List<String> list = java.util.Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (list.isEmpty() || list.size() > RunsForm.MAX_SIZE) {
            throw JrunsException.invalid("runs= takes 1 to 1,000 run ids, not " + list.size());
        }
        for (String id : list) {
            if (!id.matches("[A-Za-z0-9_-]{1,64}")) throw JrunsException.invalid("runs=: '" + id + "' is not a run id");
        }
        return "attributes.run_id IN ('" + String.join("', '", list) + "')";
    }

    /** The experiment's name as a file name any system takes: letters (any script), digits, '.', '-' and '_' only. */
    static String fileName(String experiment) {
        String s = experiment.replaceAll("[^\\p{L}\\p{N}._-]+", "_").replaceAll("^[._]+", "");
        if (s.length() > 60) s = s.substring(s.offsetByCodePoints(s.length(), -Math.min(60, s.codePointCount(0, s.length()))));
        return (s.isEmpty() ? "experiment" : s) + "-runs.csv";
    }
}
