package io.jruns.internal.ui.pages;

import io.jruns.TrackingClient;
import io.jruns.domain.Run;
import io.jruns.snippet.SnippetGenerator;
import io.jruns.snippet.Snippets;
import io.jruns.views.RunFacts;
import io.jruns.views.html.Html;

import java.util.List;

/** The logged models' prediction snippets (tablesaw and Spark), each in a {@code <pre>} with a copy button. */
final class ModelSnippetsHtml {
    private ModelSnippetsHtml() {
    }

    static String html(TrackingClient client, Run run) {
        List<RunFacts.LoggedModel> models = RunFacts.models(run);
        if (models.isEmpty()) return "";
        StringBuilder h = new StringBuilder("<section class=\"jr jr-models\" id=\"models\"><div class=\"jr-sec\">Prediction code for the logged models</div>");
        int n = 0;
        for (int i = 0; i < models.size(); i++) {
            RunFacts.LoggedModel m = models.get(i);
            h.append("<div class=\"jr-model-snippets\" id=\"").append(RunFacts.modelAnchor(i))
                    .append("\"><div class=\"jr-name\">");
            Html.append(h, m.artifactPath()).append(" <span class=\"jr-dim\">");
            Html.append(h, String.join(", ", m.flavors())).append("</span></div>");
            Snippets s;
            try {
                s = SnippetGenerator.forRun(client, run.runId(), m.artifactPath(), null);
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
                Html.append(h.append("<div class=\"jr-dim\">No snippet: "), why).append("</div></div>");
                continue;
            }
            snippet(h, "tablesaw", "On a tablesaw Table read from CSV", s.tablesaw(), n++);
            snippet(h, "spark", "On a Spark Dataset<Row>", s.spark(), n++);
            h.append("</div>");
        }
        return h.append("</section>").toString();
    }

    private static void snippet(StringBuilder h, String kind, String title, String code, int n) {
        String id = "snippet-" + n;
        h.append("<div class=\"jr-snippet jr-snippet-").append(kind).append("\"><div class=\"jr-copyrow\"><span>");
        Html.append(h, title).append("</span><button type=\"button\" class=\"jr-copy\" data-copy=\"").append(id).append("\">Copy</button></div>");
        Html.append(h.append("<pre id=\"").append(id).append("\" class=\"jr-code\">"), code).append("</pre></div>");
    }
}
