package io.jruns.internal.ui.pages;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Run;
import io.jruns.internal.ui.UiContext;
import io.jruns.internal.ui.http.Request;
import io.jruns.internal.ui.http.Response;
import io.jruns.internal.ui.http.Router;
import io.jruns.search.FilterException;
import io.jruns.search.FilterParser;
import io.jruns.search.RunCount;
import io.jruns.search.SearchRequest;
import io.jruns.search.SearchResult;
import io.jruns.views.Links;
import io.jruns.views.format.Format;
import io.jruns.views.html.Html;
import io.jruns.views.html.RunsTable;

import java.util.List;
import java.util.Optional;

/**
 * {@code /experiments/<id>[,<id>..]}: the Experiment Runs table of one experiment (or of several
 * chosen on the home page), one page of runs at a
 * time straight from the store's search (the first page of a 100,000-run experiment reads only
 * its own rows), under a GET form for filter, state, order, columns and page size, inside a
 * POST form whose checkboxes feed Compare, Delete and Restore ({@link RunActions}).
 */
public final class ExperimentPage {
    /** The experiment and compare pages' own stylesheet (a link in the body: Layout stays the same for every page). */
    static final String STYLE = "<link rel=\"stylesheet\" href=\"/static/experiment.css\">";

    private ExperimentPage() {
    }

    public static void install(Router router, UiContext ctx) {
        router.get("/experiments/{id}", r -> page(ctx, r));
        router.get("/experiments/{id}/runs.csv", r -> RunActions.csv(ctx, r));
        router.post("/experiments/{id}/delete", r -> RunActions.change(ctx, r, true));
        router.post("/experiments/{id}/restore", r -> RunActions.change(ctx, r, false));
    }

    /** One page of runs, whether the store has more after it, and how many match in all. */
    public record Fetched(List<Run> runs, String nextToken, RunCount count) {
    }

    /** Counted exactly up to here; past it the page says "of more than 100,000". */
    static final long COUNT_UP_TO = 100_000;


    /** The form's page of runs: one store search of {@code size} runs from the page's token. */
    public static Fetched fetch(UiContext ctx, List<String> experimentIds, RunsForm f) {
        if (!f.searchFilter().equals(f.filter()) && !f.namesSearch()) FilterParser.parse(f.filter()); // its errors point into the filter as typed
        SearchRequest req = SearchRequest.builder().experiments(experimentIds).filter(f.searchFilter()).viewType(f.viewType())
                .orderBy(f.order().isEmpty() ? new String[0] : new String[]{f.order()}).maxResults(f.size())
                .pageToken(f.token()).build();
        ctx.client().flush(); // what the notebook logged a moment ago shows
        SearchResult r = ctx.client().store().searchRuns(req);
        // one page, all of it: counted already; else the store counts every match, without the page token
        RunCount n = r.nextPageToken() == null && f.page() == 1 ? RunCount.exactly(r.runs().size())
                : ctx.client().store().countRuns(SearchRequest.builder().experiments(experimentIds).filter(f.searchFilter())
                        .viewType(f.viewType()).build(), COUNT_UP_TO);
        return new Fetched(r.runs(), r.nextPageToken(), n);
    }

    static Response page(UiContext ctx, Request r) {
        ExperimentSet e = ExperimentSet.of(ctx, r.param("id"));
        RunsForm form;
        String error = null;
        try {
            form = RunsForm.of(r.query());
        } catch (JrunsException bad) {
            error = Html.escape(bad.getMessage());
            form = new RunsForm(r.query("filter").orElse(""), "active", r.query("order").orElse(""), List.of(), RunsForm.DEFAULT_SIZE);
        }
        Fetched got = new Fetched(List.of(), null, RunCount.exactly(0));
        if (error == null) {
            try {
                got = fetch(ctx, e.ids(), form);
            } catch (FilterException fe) {
                String what = fe.expression().equals(form.filter()) ? "Filter" : "Order";
                error = what + ": <pre class=\"jr-caret\">" + Html.escape(fe.caretDisplay()) + "</pre>";
            } catch (JrunsException bad) {
                if (bad.code() != JrunsException.Code.INVALID_PARAMETER_VALUE) throw bad;
                error = Html.escape(bad.getMessage());
            }
        }
        String base = e.base();
        StringBuilder b = new StringBuilder(8192).append(STYLE).append("<div class=\"jr-exp\">");
        notice(r).ifPresent(n -> b.append("<p class=\"jr-notice\" role=\"status\">").append(Html.escape(n)).append("</p>"));
        refusal(r).ifPresent(n -> b.append("<p class=\"jr-filter-error\" role=\"alert\">").append(Html.escape(n)).append("</p>"));
        RunsControls.filterForm(b, base, form, got.runs());
        if (error != null) b.append("<div class=\"jr-filter-error\" role=\"alert\">").append(error).append("</div>");
        b.append("<form id=\"jr-runs-form\" method=\"post\" action=\"").append(base).append("/delete\">").append(Layout.csrfField(ctx))
                .append("<input type=\"hidden\" name=\"back\" value=\"").append(Html.escape(form.query())).append("\">");
        RunsControls.actions(b, base, form);
        String subtitle = e.name() + (form.filter().isBlank() ? "" : form.namesSearch()
                ? " \u00b7 run names containing \u201c" + form.filter().strip() + "\u201d" : " \u00b7 " + form.filter())
                + (form.state().equals("active") ? "" : " \u00b7 " + form.state() + " runs")
                + (form.created().isEmpty() ? "" : " \u00b7 created in the " + form.createdLabel())
                + (form.models().isEmpty() ? "" : " \u00b7 " + form.modelsLabel());
        List<String> columns = RunsControls.present(form.columns(), got.runs());
        // no search ran when the form was wrong: the error alone, no "No runs match."
        if (error == null) {
            // the pager below says where the page is and how many match: the table's own footer would repeat it
            // a page alone, with the runs its children are nested in read by id: no child stands alone
            RunsTable.View view = new RunsTable.View("Experiment Runs", subtitle, got.runs(), 1, Math.max(1, got.runs().size()),
                    columns, System.currentTimeMillis(), RunsTable.OWN_PAGER, false, Links.ui("/"), true, got.count().runs())
                    .withParents(PageParents.of(ctx.client(), e.ids(), got.runs())).withExperiments(e.names());
            b.append(RunsTable.render(view).html());
        }
        b.append("</form>");
        if (error == null) pager(b, base, form, got);
        b.append("</div><script src=\"/static/experiment.js\" defer></script>");
        String crumbs = e.crumbs();
        return Response.html(Layout.page(ctx, e.name(), crumbs, b.toString()));
    }

    /** What the last Delete or Restore did, from the redirect's query (counts only, so no text comes from the URL). */
    static Optional<String> notice(Request r) {
        Optional<String> deleted = r.query("deleted").map(ExperimentPage::count);
        if (deleted.isPresent()) return Optional.of("Deleted " + deleted.get() + ". Deleted runs can be restored for 30 days (state: deleted).");
        Optional<String> restored = r.query("restored").map(ExperimentPage::count);
        if (restored.isPresent()) return Optional.of("Restored " + restored.get() + ".");
        if (r.query("none").filter("1"::equals).isPresent()) return Optional.of("No runs selected: tick the runs' checkboxes first.");
        return Optional.empty();
    }

    /** A Delete of deleted runs only, or a Restore of active runs only: nothing changed, and why. */
    static Optional<String> refusal(Request r) {
        return r.query("none").map(what -> switch (what) {
            case "active" -> "Nothing deleted: the ticked runs are deleted already (Restore brings them back).";
            case "deleted" -> "Nothing restored: the ticked runs are not deleted (State: deleted shows the runs Restore can bring back).";
            default -> null;
        });
    }

    private static String count(String n) {
        try {
            return Format.count(Long.parseLong(n), "run");
        } catch (NumberFormatException e) {
            return "some runs";
        }
    }

    private static void pager(StringBuilder b, String base, RunsForm f, Fetched got) {
        int n = got.runs().size();
        long from = (long) (f.page() - 1) * f.size();
        b.append("<nav class=\"jr-pager\">");
        if (n == 0) b.append(f.page() > 1 ? "No runs on page " + f.page() + "." : "No runs match.");
        else b.append("Runs ").append(Format.count(from + 1)).append('\u2013').append(Format.count(from + n)).append(" of ")
                .append(got.count().exact() ? "" : "more than ").append(Format.count(Math.max(got.count().runs(), from + n)));
        if (f.page() > 1) {
            b.append(" <a rel=\"prev\" href=\"").append(base).append('?').append(Html.escape(f.previous().query())).append("\">\u2190 Previous</a>");
        }
        if (got.nextToken() != null) {
            b.append(" <a rel=\"next\" href=\"").append(base).append('?').append(Html.escape(f.next(got.nextToken()).query()))
                    .append("\">Next \u2192</a>");
        }
        b.append("</nav>");
    }
}
