package io.jruns.internal.ui.pages;

import io.jruns.domain.Run;
import io.jruns.domain.SystemTags;
import io.jruns.domain.ViewType;
import io.jruns.internal.ui.UiContext;
import io.jruns.internal.ui.http.Response;
import io.jruns.search.SearchRequest;
import io.jruns.search.SearchResult;
import io.jruns.views.format.Format;
import io.jruns.views.html.Html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * The step between ticking runs and deleting them: a page saying what will go ("Delete 1 run
 * and its 4 nested runs?"), whose form posts the same runs again with {@code confirm=1}. Plain
 * HTML, so it asks without a script too.
 */
final class DeleteConfirm {
    /** Nested runs counted up to here; past it the question says "more than". */
    static final int COUNT_UP_TO = 10_000;
    static final int NAMED = 20;
    private static final int CHUNK = 100;

    private DeleteConfirm() {
    }

    /** @param runs the ticked active runs (checked to be the page's own), {@code back} the page's query */
    static Response page(UiContext ctx, ExperimentSet e, List<Run> runs, boolean keepNested, String back) {
        long nested = 0;
        // each run's descendants in its own experiment, as the delete takes them (RunLifecycle)
        Map<String, List<Run>> byExperiment = new LinkedHashMap<>();
        for (Run r : runs) byExperiment.computeIfAbsent(r.info().experimentId(), x -> new ArrayList<>()).add(r);
        for (Map.Entry<String, List<Run>> group : byExperiment.entrySet()) {
            nested += nested(ctx, List.of(group.getKey()), group.getValue());
        }
        String question = question(runs.size(), nested, keepNested);
        StringBuilder b = new StringBuilder(4096).append(ExperimentPage.STYLE).append("<div class=\"jr-exp\">")
                .append("<form class=\"jr-confirm\" method=\"post\" action=\"").append(e.base()).append("/delete\">")
                .append(Layout.csrfField(ctx)).append("<input type=\"hidden\" name=\"confirm\" value=\"1\">")
                .append("<input type=\"hidden\" name=\"back\" value=\"").append(Html.escape(back)).append("\">");
        if (keepNested) b.append("<input type=\"hidden\" name=\"keep\" value=\"1\">");
        for (Run r : runs) b.append("<input type=\"hidden\" name=\"run\" value=\"").append(Html.escape(r.runId())).append("\">");
        b.append("<p class=\"jr-question\" role=\"alert\">").append(Html.escape(question)).append("</p><ul>");
        for (Run r : runs.subList(0, Math.min(NAMED, runs.size()))) {
            b.append("<li>");
            String name = r.info().runName();
            Html.append(b, name == null || name.isEmpty() ? r.runId() : name).append("</li>");
        }
        if (runs.size() > NAMED) b.append("<li>and ").append(Format.count(runs.size() - NAMED)).append(" more</li>");
        b.append("</ul><p class=\"jr-dim\">Deleted runs can be restored for 30 days (state: deleted).</p>")
                .append("<button type=\"submit\" id=\"jr-confirm-delete\">Delete</button> <a id=\"jr-cancel\" href=\"")
                .append(e.base()).append(back.isEmpty() ? "" : "?" + Html.escape(back)).append("\">Cancel</a></form></div>");
        return Response.html(Layout.page(ctx, "Delete runs?", e.crumbs(), b.toString()));
    }

    /** "Delete 1 run and its 4 nested runs?", "Delete 3 runs?", "Delete 2 runs (their 5 nested runs stay)?" */
    static String question(int runs, long nested, boolean keepNested) {
        String these = Format.count(runs, "run");
        if (nested == 0) return "Delete " + these + "?";
        String n = (nested > COUNT_UP_TO ? "more than " + Format.count(COUNT_UP_TO) : Format.count(nested)) + " nested run"
                + (nested == 1 ? "" : "s");
        String its = runs == 1 ? "its " : "their ";
        return keepNested ? "Delete " + these + " (" + its + n + (nested == 1 ? " stays" : " stay") + ")?"
                : "Delete " + these + " and " + its + n + "?";
    }

    /**
     * The active runs below the ticked ones in these experiments, at any depth, not ticked
     * themselves: one search a level (children name their parent in {@code mlflow.parentRunId}), as the delete finds them.
     */
    static long nested(UiContext ctx, List<String> experimentIds, List<Run> roots) {
        Set<String> seen = new HashSet<>();
        for (Run r : roots) seen.add(r.runId());
        List<String> level = new ArrayList<>(seen);
        long n = 0;
        while (!level.isEmpty() && n <= COUNT_UP_TO) {
            List<String> next = new ArrayList<>();
            for (int i = 0; i < level.size() && n <= COUNT_UP_TO; i += CHUNK) {
                List<String> ids = level.subList(i, Math.min(level.size(), i + CHUNK)).stream().filter(id -> id.matches("[A-Za-z0-9_-]+")).toList();
                if (ids.isEmpty()) continue;
                SearchRequest req = SearchRequest.builder().experiments(experimentIds).viewType(ViewType.ACTIVE_ONLY)
                        .filter("tags.`" + SystemTags.PARENT_RUN_ID + "` IN ('" + String.join("', '", ids) + "')")
                        .maxResults(SearchRequest.DEFAULT_MAX_RESULTS).build();
                while (n <= COUNT_UP_TO) {
                    SearchResult got = ctx.client().store().searchRuns(req);
                    for (Run c : got.runs()) {
                        if (seen.add(c.runId())) {
                            next.add(c.runId());
                            n++;
                        }
                    }
                    if (got.nextPageToken() == null) break;
                    req = req.withPageToken(got.nextPageToken());
                }
            }
            level = next;
        }
        return n;
    }
}
