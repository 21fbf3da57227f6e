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
import io.jruns.reproduce.EnvironmentArtifact;
import io.jruns.reproduce.EnvironmentReport;
import io.jruns.reproduce.KernelSpecs;
import io.jruns.reproduce.ReproduceOptions;
import io.jruns.reproduce.Reproducer;
import io.jruns.reproduce.RunEnvironment;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code %reproduce RUN [--to FOLDER] [--no-environment] [--no-libraries]}: clone the run's
 * notebook at its revision, ready to run as the run ran; {@code --show-spec} and
 * {@code --show-libraries} show the recorded environment instead.
 */
public final class ReproduceMagic implements Magic {
    private static final MagicSpec SPEC = new MagicSpec("reproduce", MagicSpec.Kind.LINE,
            "%reproduce RUN [--to FOLDER] [--no-environment] [--no-libraries] | %reproduce RUN --show-spec|--show-libraries",
            "Clone the notebook of RUN at its revision (default folder: Reproduced/ beside it), with its environment.json, a "
                    + "first cell re-adding its libraries and experiment, and its kernel (installed again when gone).",
            List.of(OptionSpec.value("to", "FOLDER", "where the clone goes"),
                    OptionSpec.flag("no-environment", "clone only the notebook"),
                    OptionSpec.flag("no-libraries", "do not re-add the run's %maven and %jars libraries"),
                    OptionSpec.flag("show-spec", "show the run's recorded Java, JVM, OS, machine and kernel"),
                    OptionSpec.flag("show-libraries", "show the run's recorded libraries")));

    private final KernelSpecs kernels;

    /** @param kernels the Jupyter kernels a clone may use or install (the kernel's own; {@link KernelSpecs#NONE} elsewhere) */
    public ReproduceMagic(KernelSpecs kernels) {
        this.kernels = kernels;
    }

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) {
        if (args.positional().size() != 1) throw JrunsException.invalid("%reproduce: give one RUN (a run id, id prefix or run name)");
        Run run = Jruns.client().findRun(args.positional().get(0), java.util.List.of(),
                note -> host.display(Output.text("Note: " + note)));
        TrackingClient reader = Jruns.client();
        if (args.flag("show-spec") || args.flag("show-libraries")) {
            RunEnvironment env = EnvironmentArtifact.read(reader, run.runId()).orElseThrow(() -> JrunsException.notFound(
                    "%reproduce: run " + run.runId() + " has no recorded environment (" + EnvironmentArtifact.FILE + ")"));
            if (args.flag("show-spec")) host.display(table("Environment of run " + run.info().runName(), null, EnvironmentReport.spec(env)));
            if (args.flag("show-libraries")) {
                host.display(table("Libraries of run " + run.info().runName(), new String[]{"kind", "library", "SHA-256", "added by"},
                        EnvironmentReport.libraries(env)));
            }
            return;
        }
        ReproduceOptions options = ReproduceOptions.builder()
                .to(args.value("to").map(Path::of).orElse(null))
                .environment(!args.flag("no-environment"))
                .libraries(!args.flag("no-libraries"))
                .progress(System.out::println)
                .build();
        Reproducer.Result r = Reproducer.reproduce(reader, run.runId(), options, kernels);
        String text = "Reproduced run " + run.info().runName() + " as " + r.notebook()
                + (r.kernelName() == null ? "" : " (kernel " + r.kernelName() + ")");
        StringBuilder html = new StringBuilder("<div class=\"jruns-line\">Reproduced run <b>");
        Html.append(html, run.info().runName()).append("</b> as <code>");
        Html.append(html, r.notebook().toString()).append("</code>");
        if (r.kernelName() != null) Html.append(html.append(" (kernel "), r.kernelName()).append(')');
        host.display(new Output(html.append("</div>").toString(), text));
    }

    static Output table(String title, String[] header, List<String[]> rows) {
        StringBuilder h = new StringBuilder("<div class=\"jruns-env\"><b>");
        Html.append(h, title).append("</b><table>");
        if (header != null) {
            h.append("<tr>");
            for (String c : header) Html.append(h.append("<th>"), c).append("</th>");
            h.append("</tr>");
        }
        for (String[] r : rows) {
            h.append("<tr>");
            for (int i = 0; i < r.length; i++) {
                String tag = header == null && i == 0 ? "th" : "td";
                Html.append(h.append('<').append(tag).append(" style=\"text-align:left\">"), r[i]).append("</").append(tag).append('>');
            }
            h.append("</tr>");
        }
        h.append("</table></div>");
        List<String[]> all = new java.util.ArrayList<>();
        if (header != null) all.add(header);
        all.addAll(rows);
        String text = title + "\n" + (rows.isEmpty() ? "(none)\n" : EnvironmentReport.text(all));
        return new Output(h.toString(), text.stripTrailing());
    }
}
