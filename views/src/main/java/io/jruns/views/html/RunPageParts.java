package io.jruns.views.html;

import io.jruns.views.RunFacts;
import io.jruns.views.RunPageData;
import io.jruns.views.format.Format;
import io.jruns.views.format.Values;
import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.SystemTags;

import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;

/** The sections of the run page. */
final class RunPageParts {
    static final int CHILDREN_SHOWN = RunPageData.CHILDREN_SHOWN;

    private RunPageParts() {
    }

    static void details(StringBuilder h, RunPageData d) {
        Run r = d.run();
        RunInfo i = r.info();
        h.append("<table class=\"jr-t\"><tbody>");
        row(h, "Run ID", "<span class=\"jr-sha\">" + Html.escape(i.runId()) + "</span>");
        row(h, "Run name", Html.escape(RunsRows.name(i)));
        row(h, "Experiment", Html.escape(d.experimentName()) + " <span class=\"jr-dim\">(id " + Html.escape(i.experimentId()) + ")</span>");
        row(h, "Status", Status.html(i.status()));
        row(h, "Start", "<span title=\"" + Format.zoned(i.startTime()) + "\">" + Format.time(i.startTime())
                + "</span> <span class=\"jr-dim\">" + Format.relative(i.startTime(), d.now()) + "</span>");
        row(h, "End", i.endTime() == null ? "<span class=\"jr-dim\">still running</span>" : Format.time(i.endTime()));
        row(h, "Duration", Format.duration(i.startTime(), i.endTime(), d.now()));
        String sourceType = RunFacts.tag(r, SystemTags.SOURCE_TYPE);
        StringBuilder src = new StringBuilder();
        // the UI's page of the stored version; a file: link would be dead in a browser showing Jupyter over http
        String href = RunFacts.notebookCopyUri(r).isPresent() ? d.links().notebook(i.runId()).orElse(null) : null;
        String full = RunFacts.tag(r, SystemTags.SOURCE_NAME);
        if (href != null) {
            src.append("<a href=\"");
            Html.append(src, href).append("\" title=\"the notebook as it was for this run\">");
            Html.append(src, full).append("</a>");
        } else {
            Html.append(src, full == null ? "" : full);
        }
        if (sourceType != null) Html.append(src.append(" <span class=\"jr-dim\">"), sourceType).append("</span>");
        row(h, "Source", src.toString());
        RunFacts.revision(r).ifPresent(v -> row(h, "Revision", "<span class=\"jr-sha\" title=\"" + Html.escape(v) + "\">"
                + Html.escape(RunFacts.shortRevision(r)) + "</span>"));
        String commit = RunFacts.tag(r, SystemTags.GIT_COMMIT);
        if (commit != null) {
            String branch = RunFacts.tag(r, SystemTags.GIT_BRANCH);
            boolean dirty = "true".equalsIgnoreCase(RunFacts.tag(r, SystemTags.GIT_DIRTY));
            // the repository's commit, as MLflow tags it, but the notebook was never committed in it
            boolean untracked = "true".equalsIgnoreCase(RunFacts.tag(r, SystemTags.GIT_UNTRACKED));
            row(h, "Git commit", "<span class=\"jr-sha\" title=\"" + Html.escape(commit) + "\">"
                    + Html.escape(commit.length() > 10 ? commit.substring(0, 10) : commit) + "</span>"
                    + (branch == null ? "" : " <span class=\"jr-dim\">on " + Html.escape(branch) + "</span>")
                    + (untracked ? " <span class=\"jr-badge\">notebook not in this commit</span>"
                    : dirty ? " <span class=\"jr-badge\">uncommitted changes</span>" : ""));
        }
        row(h, "User", Html.escape(RunFacts.user(r)));
        r.parentRunId().ifPresent(p -> row(h, "Parent run", d.parent() == null ? "<span class=\"jr-sha\">" + Html.escape(p) + "</span>"
                : runRef(d.parent(), d.links())));
        if (!d.children().isEmpty()) {
            StringBuilder c = new StringBuilder();
            List<Run> kids = d.children();
            for (int k = 0; k < Math.min(CHILDREN_SHOWN, kids.size()); k++) c.append(k == 0 ? "" : ", ").append(runRef(kids.get(k), d.links()));
            long all = Math.max(kids.size(), d.childCount().runs());
            if (all > CHILDREN_SHOWN) {
                String more = "and " + (d.childCount().exact() ? "" : "over ") + Format.count(all - CHILDREN_SHOWN) + " more";
                // all of them, on the experiment page where a UI has one
                // deleted ones too, as the list above reads them
                Optional<String> every = d.links().experiment(i.experimentId()).map(u -> u + "?state=all&filter=" + java.net.URLEncoder.encode(
                        RunPageData.childrenFilter(i.runId()), java.nio.charset.StandardCharsets.UTF_8));
                c.append(" <span class=\"jr-dim\">").append(every.map(u -> "<a href=\"" + Html.escape(u) + "\">" + more + "</a>").orElse(more))
                        .append("</span>");
            }
            h.append("<tr><th class=\"jr-k\">Child runs</th><td class=\"jr-wrap\">").append(c).append("</td></tr>");
        }
        if (i.deletedTime() != null) row(h, "Deleted", Format.time(i.deletedTime()));
        h.append("</tbody></table>");
    }

    private static String runRef(Run r, io.jruns.views.Links links) {
        String name = Html.escape(RunsRows.name(r.info()));
        String linked = links.run(r.runId()).map(u -> "<a href=\"" + Html.escape(u) + "\">" + name + "</a>").orElse(name);
        return "<span title=\"run " + Html.escape(r.runId()) + "\">" + linked + "</span> "
                + "<span class=\"jr-sha\">" + Html.escape(r.runId().substring(0, Math.min(8, r.runId().length()))) + "</span>";
    }

    private static void row(StringBuilder h, String key, String valueHtml) {
        h.append("<tr><th class=\"jr-k\">").append(key).append("</th><td>").append(valueHtml).append("</td></tr>");
    }

    static void keyValues(StringBuilder h, Map<String, String> values, String none) {
        if (values.isEmpty()) {
            h.append("<div class=\"jr-dim\">").append(none).append("</div>");
            return;
        }
        h.append("<table class=\"jr-t\"><tbody>");
        for (Map.Entry<String, String> e : values.entrySet()) {
            h.append("<tr><th class=\"jr-k\">");
            Html.append(h, e.getKey()).append("</th><td").append(Values.isNumeric(e.getValue()) ? " class=\"jr-n\"" : "");
            if (e.getValue().length() > 40) Html.append(h.append(" title=\""), e.getValue()).append('"');
            Html.append(h.append('>'), e.getValue()).append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    static void metrics(StringBuilder h, Map<String, MetricSummary> metrics, Map<String, List<Metric>> histories) {
        if (metrics.isEmpty()) {
            h.append("<div class=\"jr-dim\">No metrics.</div>");
            return;
        }
        h.append("<table class=\"jr-t\"><thead><tr><th>Metric</th><th class=\"jr-n\">Latest</th><th class=\"jr-n\">Min</th>"
                + "<th class=\"jr-n\">Max</th><th class=\"jr-n\">Steps</th><th>History</th></tr></thead><tbody>");
        for (MetricSummary s : metrics.values()) {
            h.append("<tr><th class=\"jr-k\">");
            Html.append(h, s.key()).append("</th><td class=\"jr-n\" title=\"step ").append(s.latestStep()).append("\">")
                    .append(Format.number(s.latest())).append("</td><td class=\"jr-n\">").append(Format.number(s.min()))
                    .append("</td><td class=\"jr-n\">").append(Format.number(s.max())).append("</td><td class=\"jr-n\">")
                    .append(Format.count(s.count())).append("</td><td>");
            List<Metric> history = histories.get(s.key());
            if (history != null && history.size() > 1) h.append(Sparkline.svg(history, s.count()));
            h.append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    static void tags(StringBuilder h, Map<String, String> tags) {
        Map<String, String> user = new TreeMap<>();
        Map<String, String> system = new TreeMap<>();
        tags.forEach((k, v) -> (SystemTags.isSystem(k) ? system : user).put(k, v));
        system.remove(SystemTags.NOTE);
        keyValues(h, user, "No tags of your own.");
        if (!system.isEmpty()) {
            h.append("<details class=\"jr-sys\"><summary>System tags (").append(system.size()).append(")</summary>");
            keyValues(h, system, "");
            h.append("</details>");
        }
    }

    static void models(StringBuilder h, Run r, io.jruns.views.Links links) {
        h.append("<table class=\"jr-t\"><tbody>");
        List<RunFacts.LoggedModel> models = RunFacts.models(r);
        for (int n = 0; n < models.size(); n++) {
            RunFacts.LoggedModel m = models.get(n);
            h.append("<tr><th class=\"jr-k\">");
            // where the run has a page (jruns ui), that page shows each model's prediction code
            java.util.Optional<String> page = links.run(r.runId());
            if (page.isPresent()) {
                h.append("<a href=\"").append(Html.escape(page.get())).append('#').append(RunFacts.modelAnchor(n))
                        .append("\" title=\"prediction code for this model\">");
            }
            Html.append(h, m.artifactPath()).append(page.isPresent() ? "</a>" : "").append("</th><td class=\"jr-dim\">");
            Html.append(h, String.join(", ", m.flavors())).append("</td><td><code>%snippet ");
            String path = m.artifactPath().matches("[^\\s\"'\\\\]+") ? m.artifactPath()
                    : "\"" + m.artifactPath().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            Html.append(h, r.runId().substring(0, Math.min(8, r.runId().length())) + " " + path).append("</code></td></tr>");
        }
        h.append("</tbody></table><div class=\"jr-more\">Run the <code>%snippet</code> line for ready-to-run prediction code.</div>");
    }
}
