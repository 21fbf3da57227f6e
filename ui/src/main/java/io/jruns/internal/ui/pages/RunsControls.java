package io.jruns.internal.ui.pages;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Run;
import io.jruns.views.Key;
import io.jruns.views.html.Html;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The experiment page's controls: the GET form above the table and the buttons of the selection form. */
final class RunsControls {
    static final int[] SIZES = {25, 50, 100, 250, 500, 1000};
    /** Column checkboxes offered at most (an experiment with thousands of keys still gets a usable form). */
    static final int MAX_KEYS = 300;

    private RunsControls() {
    }

    static void filterForm(StringBuilder b, String base, RunsForm f, List<Run> runs) {
        b.append("<form class=\"jr-exp-form\" method=\"get\" action=\"").append(base).append("\">")
                .append("<input type=\"search\" id=\"jr-filter\" name=\"filter\" aria-label=\"filter\" spellcheck=\"false\" value=\"")
                .append(Html.escape(f.filter())).append("\" placeholder=\"params.lr = '0.01' AND metrics.rmse &lt; 20\">")
                .append("<label>State <select name=\"state\">");
        for (String s : RunsForm.STATES) option(b, s, s, s.equals(f.state()));
        b.append("</select></label><label>Created <select name=\"created\">");
        for (RunsForm.Period p : RunsForm.PERIODS) option(b, p.value(), p.label(), p.value().equals(f.created()));
        b.append("</select></label><label>Models <select name=\"models\">");
        for (RunsForm.ModelChoice m : RunsForm.MODELS) option(b, m.value(), m.label(), m.value().equals(f.models()));
        b.append("</select></label><label>Order by <input type=\"text\" name=\"order\" spellcheck=\"false\" value=\"")
                .append(Html.escape(f.order())).append("\" placeholder=\"start_time DESC\"></label><label>Rows <select name=\"size\">");
        for (int s : SIZES) option(b, Integer.toString(s), Integer.toString(s), s == f.size());
        b.append("</select></label><button type=\"submit\">Apply</button>");
        columns(b, f, runs);
        b.append("</form>");
    }

    /** Checkboxes for the params and metrics of the shown runs (and those already chosen); none ticked = those that vary most. */
    private static void columns(StringBuilder b, RunsForm f, List<Run> runs) {
        TreeSet<String> params = new TreeSet<>();
        TreeSet<String> metrics = new TreeSet<>();
        for (Run r : runs) {
            params.addAll(r.data().params().keySet());
            metrics.addAll(r.data().metrics().keySet());
        }
        List<String> keys = new ArrayList<>(f.columns());
        for (String p : params) if (keys.size() < MAX_KEYS && !keys.contains("params." + p)) keys.add("params." + p);
        for (String m : metrics) if (keys.size() < MAX_KEYS && !keys.contains("metrics." + m)) keys.add("metrics." + m);
        b.append("<details class=\"jr-cols\"").append(f.columns().isEmpty() ? "" : " open").append("><summary>Columns")
                .append(f.columns().isEmpty() ? " (those that vary most)" : " (" + f.columns().size() + " chosen)").append("</summary>");
        if (keys.isEmpty()) b.append("<span class=\"jr-dim\">no params or metrics in these runs</span>");
        for (String k : keys) {
            b.append("<label><input type=\"checkbox\" name=\"col\" value=\"").append(Html.escape(k)).append('"')
                    .append(f.columns().contains(k) ? " checked" : "").append('>');
            Html.append(b, k).append("</label>");
        }
        b.append("</details>");
    }

    static void actions(StringBuilder b, String base, RunsForm f) {
        b.append("<div class=\"jr-actions\"><button type=\"button\" id=\"jr-compare\">Compare</button>")
                .append("<button type=\"submit\" id=\"jr-delete\" formaction=\"").append(base).append("/delete\">Delete</button>")
                // as the reference asks: nested runs go with their parent unless kept
                .append("<label class=\"jr-keep\"><input type=\"checkbox\" name=\"keep\" value=\"1\"> keep nested runs</label>")
                .append("<button type=\"submit\" id=\"jr-restore\" formaction=\"").append(base).append("/restore\">Restore</button>")
                .append("<span id=\"jr-selected\" class=\"jr-dim\"></span>")
                .append("<a class=\"jr-csv\" href=\"").append(base).append("/runs.csv");
        String q = f.csvQuery();
        if (!q.isEmpty()) b.append('?').append(Html.escape(q));
        // experiment.js adds the ticked runs (runs=ID,..) to this link, and says so in its text
        b.append("\" data-href=\"").append(base).append("/runs.csv");
        if (!q.isEmpty()) b.append('?').append(Html.escape(q));
        b.append("\">Download CSV</a></div>");
    }

    /** The chosen columns that some shown run has (a page without them shows the others rather than failing). */
    static List<String> present(List<String> columns, List<Run> runs) {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            try {
                Key.resolve(c, runs);
                out.add(c);
            } catch (JrunsException absent) {
                // not on this page
            }
        }
        return out;
    }

    private static void option(StringBuilder b, String value, String label, boolean selected) {
        b.append("<option value=\"").append(Html.escape(value)).append('"').append(selected ? " selected" : "").append('>');
        Html.append(b, label).append("</option>");
    }
}
