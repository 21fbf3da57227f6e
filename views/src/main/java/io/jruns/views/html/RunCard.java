package io.jruns.views.html;

import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.SystemTags;
import io.jruns.views.format.Format;
import io.jruns.views.Rendered;

import java.util.Map;

/** A small card for one run: name, status, duration, id, experiment, parent, params and latest metrics. */
public final class RunCard {
    static final int SHOWN = 12;

    private RunCard() {
    }

    public static Rendered of(Run run, String experimentName) {
        RunInfo i = run.info();
        StringBuilder h = new StringBuilder(1024).append("<div class=\"jr jr-card\">").append(Css.STYLE)
                .append("<div class=\"jr-h\"><span class=\"jr-name\">");
        Html.append(h, RunsRows.name(i)).append("</span>").append(Status.html(i.status())).append("<span class=\"jr-dim\">")
                .append(Format.duration(i.startTime(), i.endTime(), System.currentTimeMillis())).append(" \u00b7 run <span class=\"jr-sha\">")
                .append(Html.escape(i.runId())).append("</span> in experiment ");
        Html.append(h, experimentName).append("</span></div>");
        run.parentRunId().ifPresent(p -> h.append("<div class=\"jr-dim\">nested under run <span class=\"jr-sha\">")
                .append(Html.escape(p)).append("</span></div>"));
        line(h, "params", run.data().params());
        StringBuilder m = new StringBuilder();
        int n = 0;
        for (Map.Entry<String, MetricSummary> e : run.data().metrics().entrySet()) {
            if (n++ == SHOWN) {
                m.append(", \u2026");
                break;
            }
            if (m.length() > 0) m.append(", ");
            Html.append(m, e.getKey()).append("=").append(Format.number(e.getValue().latest()));
        }
        if (m.length() > 0) h.append("<div><span class=\"jr-dim\">metrics</span> ").append(m).append("</div>");
        h.append("</div>");
        String text = "Run " + i.runName() + " (" + i.runId() + ") " + i.status() + " in experiment " + experimentName
                + (run.data().tags().containsKey(SystemTags.PARENT_RUN_ID) ? ", nested" : "");
        return new Rendered(h.toString(), text);
    }

    private static void line(StringBuilder h, String label, Map<String, String> values) {
        if (values.isEmpty()) return;
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (n++ == SHOWN) {
                b.append(", \u2026");
                break;
            }
            if (b.length() > 0) b.append(", ");
            Html.append(b, e.getKey()).append("=");
            Html.append(b, e.getValue());
        }
        h.append("<div><span class=\"jr-dim\">").append(label).append("</span> ").append(b).append("</div>");
    }
}
