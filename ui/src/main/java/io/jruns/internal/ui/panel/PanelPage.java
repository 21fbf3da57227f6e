package io.jruns.internal.ui.panel;

import io.jruns.TrackingClient;
import io.jruns.domain.Experiment;
import io.jruns.domain.JrunsException;
import io.jruns.domain.Run;
import io.jruns.internal.ui.http.Response;
import io.jruns.internal.ui.http.Router;
import io.jruns.internal.ui.pages.PageParents;
import io.jruns.views.Links;
import io.jruns.views.html.Css;
import io.jruns.views.html.Html;
import io.jruns.views.html.RunsTable;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * {@code /panel/<experiment_id>}: the "Experiment Runs sidebar" a notebook shows in an iframe
 * ({@code %ui}): the newest runs of one experiment, compact, every link opening a new tab (the
 * notebook stays put), kept fresh by {@code panel.js}, which polls {@code /panel/<id>/stamp} (a
 * fingerprint of those runs) and swaps in {@code ?part=table} when it changes.
 */
public final class PanelPage {
    /** Runs shown: a sidebar, not the experiment page (which pages through all of them). */
    static final int ROWS = 50;
    static final String SCRIPT = "/panel/static/panel.js";

    private PanelPage() {
    }

    /** Takes the store's client, not the UI's context: the panel needs nothing else. */
    public static void install(Router router, TrackingClient client) {
        router.get(SCRIPT, r -> Response.bytes("text/javascript; charset=utf-8", script()).withHeader("Cache-Control", "max-age=300"));
        router.get("/panel/{id}/stamp", r -> Response.text(200, stamp(newest(client, experiment(client, r.param("id"))))));
        router.get("/panel/{id}", r -> {
            Experiment e = experiment(client, r.param("id"));
            Newest runs = newest(client, e);
            String table = table(e, runs);
            return Response.html(r.query("part").filter("table"::equals).isPresent() ? table : page(e, runs, table));
        });
    }

    static Experiment experiment(TrackingClient client, String id) {
        return client.getExperiment(id).orElseThrow(() -> JrunsException.notFound("no experiment with id '" + id + "'"));
    }

    /** The runs shown, whether more follow, and the parents of shown runs that are not among them. */
    record Newest(List<Run> shown, boolean capped, List<Run> parents) {
    }

    /** One more than shown, so the table knows there are more; a sweep's parent older than the 50 is read by id. */
    static Newest newest(TrackingClient client, Experiment e) {
        List<Run> runs = client.search().experiments(e.experimentId()).max(ROWS + 1).runs();
        boolean capped = runs.size() > ROWS;
        List<Run> shown = capped ? runs.subList(0, ROWS) : runs;
        return new Newest(shown, capped, PageParents.of(client, List.of(e.experimentId()), shown));
    }

    /** Changes when a shown run or parent does (a metric, a tag, its status, its name) or one is added or deleted. */
    static String stamp(Newest runs) {
        return runs.shown().size() + (runs.capped() ? "+" : "") + "-" + Integer.toHexString(runs.hashCode());
    }

    static String table(Experiment e, Newest runs) {
        // the 50 as a page alone, so a sweep's children sit under their parent as on the experiment page
        return RunsTable.render(new RunsTable.View("Experiment Runs", e.name(), runs.shown(), 1, ROWS, List.of(),
                System.currentTimeMillis(), p -> "the experiment page", runs.capped(), Links.ui("/"), false, runs.shown().size())
                .withParents(runs.parents())).html();
    }

    static String page(Experiment e, Newest runs, String table) {
        String id = Links.segment(e.experimentId());
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                // links open beside the notebook, never inside this small frame
                + "<base target=\"_blank\">"
                + "<title>" + Html.escape(e.name()) + " · jruns</title>"
                + "<link rel=\"stylesheet\" href=\"/static/ui.css\">" + Css.STYLE
                // the frame is the whole width there is: the views' notebook margin (100vw - 140px) would hide columns
                + "<style>.jr-panel .jr-scroll{max-width:none}.jr-panel main{padding:8px 12px}</style>"
                + "<script src=\"" + SCRIPT + "\" defer></script></head>"
                + "<body class=\"jr-panel\" data-stamp=\"" + Html.escape(stamp(runs)) + "\" data-stamp-url=\"/panel/" + id
                + "/stamp\" data-table-url=\"/panel/" + id + "?part=table\">"
                + "<header class=\"jr-top\"><a class=\"jr-home\" href=\"/\">jruns</a><span class=\"jr-crumbs\">"
                + "<a href=\"/experiments/" + id + "\" title=\"open the experiment page\">" + Html.escape(e.name()) + "</a></span>"
                + "<span class=\"jr-dim\" id=\"panel-state\">live</span></header>"
                + "<main id=\"panel-body\">" + table + "</main></body></html>";
    }

    private static byte[] script() throws IOException {
        try (InputStream in = PanelPage.class.getResourceAsStream("/io/jruns/internal/ui/static/panel.js")) {
            if (in == null) throw new IOException("missing resource panel.js");
            return in.readAllBytes();
        }
    }
}
