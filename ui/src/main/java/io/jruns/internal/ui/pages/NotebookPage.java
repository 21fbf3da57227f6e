package io.jruns.internal.ui.pages;

import io.jruns.domain.NotebookArtifacts;
import io.jruns.domain.FileInfo;
import io.jruns.domain.Run;
import io.jruns.domain.SystemTags;
import io.jruns.internal.ui.UiContext;
import io.jruns.internal.ui.http.Response;
import io.jruns.internal.ui.http.Router;
import io.jruns.views.RunFacts;
import io.jruns.views.format.Format;
import io.jruns.views.html.Html;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /runs/<id>/notebook}: the notebook version stored with the run ({@code notebook/<name>.ipynb})
 * read-only, the cells that ran while the run was open marked with a highlight bar, the run's name, date
 * and time on top, and the {@code jruns reproduce} command to copy.
 */
final class NotebookPage {
    private NotebookPage() {
    }

    static void install(Router router, UiContext ctx) {
        router.get("/runs/{id}/notebook", r -> render(ctx, ctx.client().getRun(r.param("id"))));
    }

    static Response render(UiContext ctx, Run run) throws Exception {
        String id = run.runId();
        StringBuilder b = new StringBuilder("<div class=\"jr jr-nbpage\">");
        b.append("<div class=\"jr-runbar\"><span class=\"jr-title\">");
        // the time once; its zone in the tooltip
        Html.append(b, RunCrumbs.runName(run)).append("</span> <span title=\"").append(Html.escape(Format.zoned(run.info().startTime())))
                .append("\">").append(Html.escape(Format.time(run.info().startTime()))).append("</span>");
        RunFacts.revision(run).ifPresent(v -> b.append(" <span class=\"jr-dim\">revision <span class=\"jr-sha\" title=\"")
                .append(Html.escape(v)).append("\">").append(Html.escape(RunFacts.shortRevision(run))).append("</span></span>"));
        b.append("</div>");
        Optional<String> copy = storedCopy(ctx, run);
        if (copy.isEmpty()) {
            b.append("<p class=\"jr-empty\">This run has no stored notebook version: it was not started from a notebook on the jruns"
                    + " kernel, or the copy was not saved. Its source: ");
            Html.append(b, Optional.ofNullable(RunFacts.tag(run, SystemTags.SOURCE_NAME)).orElse("not recorded")).append(".</p>");
        } else {
            b.append("<div class=\"jr-sec\">Reproduce</div><div class=\"jr-copyrow\"><pre id=\"reproduce\" class=\"jr-cmd\">");
            Html.append(b, reproduceCommand(id)).append("</pre><button type=\"button\" class=\"jr-copy\" data-copy=\"reproduce\">Copy</button></div>");
            b.append("<p class=\"jr-dim\">Clones the notebook at this version beside the original, with the run's libraries and Java"
                    + " settings (docs/models.md, \"Reproducing a run\").</p>");
            Set<String> logged = cellIds(RunFacts.tag(run, SystemTags.NOTEBOOK_CELL_IDS));
            String start = Optional.ofNullable(RunFacts.tag(run, SystemTags.NOTEBOOK_START_CELL_ID)).orElse("");
            String end = Optional.ofNullable(RunFacts.tag(run, SystemTags.NOTEBOOK_END_CELL_ID)).orElse("");
            if (!start.isEmpty()) logged.add(start);
            if (!end.isEmpty()) logged.add(end);
            String text = Files.readString(ctx.client().downloadArtifact(id, copy.get()));
            var notebook = NotebookHtml.parse(text, copy.get());
            boolean ran = copy.get().startsWith(NotebookArtifacts.RAN_DIR + "/");
            b.append("<div class=\"jr-sec\">");
            // counts the cells marked below: a logged id may name a cell this copy lacks
            Html.append(b, ArtifactPaths.name(copy.get())).append(" <span class=\"jr-dim\">")
                    .append(!ran ? "as stored with the run" : "TRUE".equalsIgnoreCase(RunFacts.tag(run, SystemTags.NOTEBOOK_UNSAVED))
                            ? "as it ran (cells edited and run before saving)" : "as it ran")
                    .append("; ").append(Format.count(NotebookHtml.marked(notebook, logged), "cell")).append(" marked</span></div>");
            b.append(NotebookHtml.cells(notebook, logged, start, end));
        }
        b.append("</div><link rel=\"stylesheet\" href=\"/static/run.css\"><script src=\"/static/run.js\" defer></script>");
        String crumbs = RunCrumbs.html(ctx, run) + " / notebook";
        return Response.html(Layout.page(ctx, "Notebook of " + RunCrumbs.runName(run), crumbs, b.toString()));
    }

    /** What cli's ReproduceCommand takes: {@code jruns reproduce RUN}. */
    static String reproduceCommand(String runId) {
        return "jruns reproduce " + runId;
    }

    /**
     * The notebook that ran ({@code notebook/ran/}, stored at the run's end), else the copy saved
     * at its start: {@code <dir>/<source name>}, else the first .ipynb there.
     */
    static Optional<String> storedCopy(UiContext ctx, Run run) {
        for (String dir : List.of(NotebookArtifacts.RAN_DIR, RunFacts.NOTEBOOK_DIR)) {
            List<FileInfo> files = ctx.client().listArtifacts(run.runId(), dir).stream()
                    .filter(f -> !f.isDir() && f.path().endsWith(".ipynb")).toList();
            if (files.isEmpty()) continue;
            String wanted = dir + "/" + RunFacts.sourceName(run);
            return Optional.of(files.stream().filter(f -> f.path().equals(wanted)).findFirst().orElse(files.get(0)).path());
        }
        return Optional.empty();
    }

    static Set<String> cellIds(String tag) {
        Set<String> out = new LinkedHashSet<>();
        if (tag == null) return out;
        Arrays.stream(tag.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }
}
