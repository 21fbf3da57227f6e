package io.jruns.views.html;

import io.jruns.views.Key;
import io.jruns.views.Links;
import io.jruns.views.RunFacts;
import io.jruns.internal.views.RunTree;
import io.jruns.views.format.Format;
import io.jruns.views.format.Values;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The header and the rows of the runs table, as HTML and as text cells. */
final class RunsRows {
    private final List<Key> keys;
    private final boolean models;
    private final long now;
    private final Links links;
    private final boolean selectable;
    /** Experiment names by id when the table spans several (an Experiment column), else null. */
    private final Map<String, String> experiments;

    /** Why a row that is not one of the page's own is shown: above the page's runs nested in it, dimmed. */
    enum Context {
        /** An ancestor from an earlier page of the whole result (%runs pages it in memory). */
        CONTINUED("from the previous page: the runs below are nested in it", " (continued)"),
        /** A parent read by id for a page alone: on another page, or not among the runs shown (filter, state). */
        PARENT("not one of this page's runs (on another page, or left out by the filter or state): shown for the runs nested in it",
                " (parent, not on this page)");

        final String title;
        final String suffix;

        Context(String title, String suffix) {
            this.title = title;
            this.suffix = suffix;
        }
    }

    RunsRows(List<Key> keys, boolean models, long now, Links links, boolean selectable, Map<String, String> experiments) {
        this.keys = keys;
        this.models = models;
        this.now = now;
        this.links = links;
        this.selectable = selectable;
        this.experiments = experiments;
    }

    /** The fixed columns: {@link RunsTable#FIXED}, with Experiment after the run name when the table spans several. */
    List<String> fixed() {
        List<String> out = new ArrayList<>(List.of(RunsTable.FIXED));
        if (experiments != null) out.add(out.indexOf("Run name") + 1, "Experiment");
        return out;
    }

    void header(StringBuilder h) {
        long params = keys.stream().filter(k -> k.kind() == Key.Kind.PARAM).count();
        long metrics = keys.size() - params;
        boolean groups = !keys.isEmpty();
        String span = groups ? " rowspan=\"2\"" : "";
        h.append("<thead><tr>");
        if (selectable) h.append("<th").append(span).append(" class=\"jr-selcol\"><input type=\"checkbox\" class=\"jr-all\" aria-label=\"select every run shown\"/></th>");
        for (String c : fixed()) {
            h.append("<th").append(span).append(c.equals("Duration") ? " class=\"jr-n\"" : "").append('>').append(c).append("</th>");
        }
        if (models) h.append("<th").append(span).append(">Model</th>");
        if (params > 0) h.append("<th class=\"jr-grp jr-gap\" colspan=\"").append(params).append("\">Parameters</th>");
        if (metrics > 0) h.append("<th class=\"jr-grp jr-gap\" colspan=\"").append(metrics).append("\">Metrics</th>");
        h.append("</tr>");
        if (groups) {
            h.append("<tr>");
            Key.Kind last = null;
            for (Key k : keys) {
                String cls = k.kind() != last ? "jr-n jr-gap" : "jr-n";
                last = k.kind();
                h.append("<th class=\"").append(cls).append("\" title=\"");
                Html.append(h, k.qualified()).append("\">");
                Html.append(h, k.name()).append("</th>");
            }
            h.append("</tr>");
        }
        h.append("</thead>");
    }

    /**
     * A {@code context} row (else null) is not one of the page's runs but the run some of them are
     * nested in, shown above them: it has no checkbox, so "select all" and Delete never reach it.
     */
    void row(StringBuilder h, RunTree.Row row, Context context) {
        Run r = row.run();
        RunInfo i = r.info();
        h.append("<tr");
        String cls = (row.depth() > 0 ? "jr-child" : "") + (RunsTable.deleted(i) ? " jr-deleted" : "")
                + (context != null ? " jr-ctx" : "");
        if (!cls.isBlank()) h.append(" class=\"").append(cls.strip()).append('"');
        if (context != null) h.append(" title=\"").append(context.title).append('"');
        h.append('>');
        if (selectable && context != null) {
            h.append("<td class=\"jr-selcol\"></td>");
        } else if (selectable) {
            h.append("<td class=\"jr-selcol\"><input type=\"checkbox\" class=\"jr-sel\" name=\"run\" value=\"");
            Html.append(h, i.runId()).append("\" aria-label=\"select run ");
            Html.append(h, name(i)).append("\"/></td>");
        }
        h.append("<td title=\"").append(Format.zoned(i.startTime())).append("\">");
        String runHref = links.run(i.runId()).orElse(null);
        if (runHref != null) {
            h.append("<a class=\"jr-runlink\" href=\"");
            Html.append(h, runHref).append("\">").append(Format.relative(i.startTime(), now)).append("</a>");
        } else {
            h.append(Format.relative(i.startTime(), now));
        }
        h.append("</td><td");
        if (row.depth() > 0) h.append(" style=\"padding-left:").append(row.depth() * 1.4).append("em\"");
        h.append('>');
        if (row.depth() > 0) h.append("<span class=\"jr-ind\">\u21B3</span>");
        else if (row.descendants() > 0) {
            h.append("<label class=\"jr-tl\" title=\"show or hide the ").append(row.descendants())
                    .append(" nested runs\"><input type=\"checkbox\" class=\"jr-tg\" aria-label=\"collapse nested runs\"/></label>");
        }
        h.append("<span class=\"jr-name\" title=\"run ");
        Html.append(h, i.runId()).append("\">");
        Html.append(h, name(i)).append("</span>");
        if (row.depth() == 0 && row.descendants() > 0) {
            // a parent read for a page alone knows only this page's share of its runs
            h.append(" <span class=\"jr-dim\">(").append(row.descendants()).append(context == Context.PARENT ? " on this page" : "").append(")</span>");
        }
        if (RunsTable.deleted(i)) h.append(" <span class=\"jr-badge\">deleted</span>");
        h.append("</td>");
        if (experiments != null) experiment(h, i.experimentId());
        h.append("<td>").append(Status.html(i.status())).append("</td><td class=\"jr-n\">")
                .append(Format.duration(i.startTime(), i.endTime(), now)).append("</td><td>");
        source(h, r);
        h.append("</td><td>");
        Html.append(h, RunFacts.user(r)).append("</td>");
        if (models) {
            h.append("<td>");
            if (RunFacts.hasModel(r)) {
                h.append("<span class=\"jr-badge jr-model\" title=\"");
                Html.append(h, "logged models: " + String.join(", ", RunFacts.modelPaths(r))).append("\">model</span>");
            }
            h.append("</td>");
        }
        Key.Kind last = null;
        for (Key k : keys) {
            Object v = k.value(r);
            String text = text(v);
            String gap = k.kind() != last ? " jr-gap" : "";
            last = k.kind();
            boolean numeric = Values.isNumeric(v);
            h.append("<td class=\"").append(numeric || v == null ? "jr-n" : "").append(gap).append("\"");
            if (text.length() > 24) {
                h.append(" title=\"");
                Html.append(h, text).append('"');
            }
            h.append('>');
            Html.append(h, text).append("</td>");
        }
        h.append("</tr>");
    }

    /** The run's experiment by name, linked to its page while a UI serves the store. */
    private void experiment(StringBuilder h, String id) {
        String name = experiments.getOrDefault(id, id);
        String href = links.experiment(id).orElse(null);
        h.append("<td>");
        if (href != null) {
            h.append("<a class=\"jr-explink\" href=\"");
            Html.append(h, href).append("\" title=\"experiment ");
            Html.append(h, id).append("\">");
            Html.append(h, name).append("</a>");
        } else {
            h.append("<span title=\"experiment ");
            Html.append(h, id).append("\">");
            Html.append(h, name).append("</span>");
        }
        h.append("</td>");
    }

    private void source(StringBuilder h, Run r) {
        String name = RunFacts.sourceName(r);
        String rev = RunFacts.shortRevision(r);
        String full = RunFacts.tag(r, io.jruns.domain.SystemTags.SOURCE_NAME);
        String tip = (full == null ? "" : full) + RunFacts.revision(r).map(x -> "\nrevision " + x).orElse("");
        // the UI's page of the stored version; a file: link would be dead in a browser showing Jupyter over http
        String href = RunFacts.notebookCopyUri(r).isPresent() ? links.notebook(r.info().runId()).orElse(null) : null;
        if (href != null) {
            h.append("<a href=\"");
            Html.append(h, href).append("\" title=\"");
            Html.append(h, tip + "\nthe notebook as it was for this run").append("\">");
            Html.append(h, name).append("</a>");
        } else {
            h.append("<span title=\"");
            Html.append(h, tip).append("\">");
            Html.append(h, name).append("</span>");
        }
        if (!rev.isEmpty()) {
            h.append(" <span class=\"jr-sha\">");
            Html.append(h, rev).append("</span>");
        }
    }

    List<String> textRow(RunTree.Row row, Context context) {
        Run r = row.run();
        RunInfo i = r.info();
        List<String> c = new ArrayList<>();
        c.add(Format.time(i.startTime()));
        c.add("  ".repeat(row.depth()) + (row.depth() > 0 ? "\u21B3 " : "") + name(i) + (RunsTable.deleted(i) ? " (deleted)" : "")
                + (context != null ? context.suffix : ""));
        if (experiments != null) c.add(experiments.getOrDefault(i.experimentId(), i.experimentId()));
        c.add(Status.text(i.status()));
        c.add(Format.duration(i.startTime(), i.endTime(), now));
        String rev = RunFacts.shortRevision(r);
        c.add(RunFacts.sourceName(r) + (rev.isEmpty() ? "" : " " + rev));
        c.add(RunFacts.user(r));
        if (models) c.add(RunFacts.hasModel(r) ? "model" : "");
        for (Key k : keys) c.add(text(k.value(r)));
        return c;
    }

    static String name(RunInfo i) {
        return i.runName() == null || i.runName().isBlank() ? i.runId() : i.runName();
    }

    static String text(Object v) {
        if (v == null) return "";
        return v instanceof Double d ? Format.number(d) : v.toString();
    }
}
