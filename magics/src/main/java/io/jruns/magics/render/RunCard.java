package io.jruns.magics.render;

import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.SystemTags;
import io.jruns.magics.host.Output;

import java.util.Map;

/** A small card for one run: name, status, id, experiment, duration, params and latest metrics. */
public final class RunCard {
    private RunCard() {
    }

    public static Output of(Run run, String experimentName) {
        RunInfo i = run.info();
        StringBuilder h = new StringBuilder("<div class=\"jruns-card\" style=\"border:1px solid #ccc;border-radius:6px;"
                + "padding:6px 10px;display:inline-block;font-family:sans-serif;font-size:13px\">");
        h.append("<b>").append(Html.escape(i.runName())).append("</b> &middot; ")
                .append(Html.escape(i.status().name())).append(" &middot; ")
                .append(Format.duration(i.startTime(), i.endTime()))
                .append("<br><span style=\"color:#666\">run ").append(Html.escape(i.runId()))
                .append(" in experiment ").append(Html.escape(experimentName)).append("</span>");
        run.parentRunId().ifPresent(p -> h.append("<br><span style=\"color:#666\">parent ")
                .append(Html.escape(p)).append("</span>"));
        appendMap(h, "params", run.data().params());
        StringBuilder m = new StringBuilder();
        for (Map.Entry<String, MetricSummary> e : run.data().metrics().entrySet()) {
            if (m.length() > 0) m.append(", ");
            m.append(Html.escape(e.getKey())).append("=").append(Format.number(e.getValue().latest()));
        }
        if (m.length() > 0) h.append("<br>metrics: ").append(m);
        h.append("</div>");
        String text = "Run " + i.runName() + " (" + i.runId() + ") " + i.status() + " in experiment " + experimentName
                + (run.data().tags().containsKey(SystemTags.PARENT_RUN_ID) ? ", nested" : "");
        return new Output(h.toString(), text);
    }

    private static void appendMap(StringBuilder h, String label, Map<String, String> values) {
        if (values.isEmpty()) return;
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> {
            if (b.length() > 0) b.append(", ");
            b.append(Html.escape(k)).append("=").append(Html.escape(v));
        });
        h.append("<br>").append(label).append(": ").append(b);
    }
}
