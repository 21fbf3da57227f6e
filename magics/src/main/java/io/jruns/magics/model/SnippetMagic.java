package io.jruns.magics.model;

import io.jruns.domain.JrunsException;
import io.jruns.Jruns;
import io.jruns.domain.Run;
import io.jruns.magics.args.OptionSpec;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;
import io.jruns.views.html.Html;
import io.jruns.TrackingClient;
import io.jruns.snippet.SnippetGenerator;
import io.jruns.snippet.Snippets;

import java.util.List;

/** {@code %snippet RUN [MODEL] [--csv PATH]}: ready-to-run Java that loads a logged model and predicts. */
public final class SnippetMagic implements Magic {
    private static final MagicSpec SPEC = new MagicSpec("snippet", MagicSpec.Kind.LINE, "%snippet RUN [MODEL] [--csv PATH]",
            "Show code that loads a run's logged model (the latest, or MODEL) and predicts: on a tablesaw Table read from "
                    + "CSV, and on a Spark Dataset<Row> through a UDF. RUN is a run id, id prefix or run name.",
            List.of(OptionSpec.value("csv", "PATH", "the CSV file the snippets read (default input.csv)")));

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) {
        if (args.positional().isEmpty() || args.positional().size() > 2) {
            throw JrunsException.invalid("%snippet: give RUN and optionally MODEL, e.g. %snippet 3f2a model");
        }
        Run run = Jruns.client().findRun(args.positional().get(0), java.util.List.of(),
                note -> host.display(Output.text("Note: " + note)));
        String model = args.positional().size() == 2 ? args.positional().get(1) : null;
        Snippets s = SnippetGenerator.forRun(Jruns.client(), run.runId(), model, args.value("csv").orElse(null));
        host.display(output(s));
    }

    static Output output(Snippets s) {
        String text = "Predict with " + s.modelUri() + " on a tablesaw Table (CSV):\n\n" + s.tablesaw()
                + "\nOn a Spark Dataset<Row> (UDF):\n\n" + s.spark();
        StringBuilder html = new StringBuilder("<div class=\"jruns-snippets\"><p>Predict with <code>");
        Html.append(html, s.modelUri()).append("</code> on a tablesaw <code>Table</code> read from CSV:</p><pre><code>");
        Html.append(html, s.tablesaw()).append("</code></pre><p>On a Spark <code>Dataset&lt;Row&gt;</code> through a UDF:</p>")
                .append("<pre><code>");
        Html.append(html, s.spark()).append("</code></pre></div>");
        return new Output(html.toString(), text);
    }
}
