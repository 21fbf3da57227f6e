package io.jruns.magics.model;

import io.jruns.model.Models;
import io.jruns.domain.JrunsException;
import io.jruns.Jruns;
import io.jruns.model.ColumnSpec;
import io.jruns.model.LoggedModel;
import io.jruns.magics.args.OptionSpec;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;
import io.jruns.views.html.Html;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@code %log_model VAR [--name NAME] [--input-example VAR]}: log a notebook variable as a model of the active run. */
public final class LogModelMagic implements Magic {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");
    private static final MagicSpec SPEC = new MagicSpec("log_model", MagicSpec.Kind.LINE,
            "%log_model VAR [--name NAME] [--input-example VAR]",
            "Log the model in variable VAR to the active run (a Serializable object, an io.jruns.model.Predictor, or one "
                    + "a ModelFlavor saves): MLmodel, signature and input example from a tablesaw Table, and its libraries.",
            List.of(OptionSpec.value("name", "NAME", "the model's folder in the run's artifacts (default model)"),
                    OptionSpec.value("input-example", "VAR", "a tablesaw Table of example inputs: gives the signature")));

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) {
        if (args.positional().size() != 1) throw JrunsException.invalid("%log_model: give one variable, e.g. %log_model model");
        String var = identifier(args.positional().get(0), "VAR");
        String exampleVar = args.value("input-example").map(v -> identifier(v, "--input-example")).orElse(null);
        List<String> names = exampleVar == null ? List.of(var) : List.of(var, exampleVar);
        Map<String, Object> values = host.values(names);
        if (!values.containsKey(var) || values.get(var) == null) {
            throw JrunsException.invalid("%log_model: '" + var + "' is not a variable with a value in this notebook");
        }
        Table example = null;
        if (exampleVar != null) {
            Object v = values.get(exampleVar);
            if (!(v instanceof Table t)) {
                throw JrunsException.invalid("%log_model: --input-example " + exampleVar + " is "
                        + (v == null ? "not a variable with a value" : "a " + v.getClass().getName()) + ", not a tablesaw Table");
            }
            example = t;
        }
        LoggedModel m = Models.log(values.get(var), args.value("name").orElse("model"), example);
        host.display(output(m));
    }

    private static String identifier(String s, String what) {
        if (!IDENTIFIER.matcher(s).matches()) throw JrunsException.invalid("%log_model: " + what + " must be a variable name, not '" + s + "'");
        return s;
    }

    static Output output(LoggedModel m) {
        List<String> lines = new ArrayList<>();
        lines.add("Logged model '" + m.artifactPath() + "' (" + simpleName(m.modelClass()) + ", " + m.flavor() + ", "
                + size(m.sizeBytes()) + ") to run " + m.runId() + ": " + m.uri());
        if (m.signature() != null) {
            lines.add("Signature: inputs " + columns(m.signature().inputs()) + "; outputs "
                    + (m.signature().outputs().isEmpty() ? "unknown" : columns(m.signature().outputs())));
        }
        m.warnings().forEach(w -> lines.add("Warning: " + w));
        String snippet = "%snippet " + m.runId() + " " + quoted(m.artifactPath());
        lines.add("Prediction snippets: " + snippet);
        StringBuilder html = new StringBuilder("<div class=\"jruns-line\">");
        for (String l : lines) Html.append(html, l).append("<br>");
        html.setLength(html.length() - 4);
        return new Output(html.append("</div>").toString(), String.join("\n", lines));
    }

    private static String columns(List<ColumnSpec> cols) {
        return cols.stream().map(ColumnSpec::toString).collect(Collectors.joining(", "));
    }

    static String quoted(String s) {
        return s.contains(" ") ? "\"" + s + "\"" : s;
    }

    private static String simpleName(String className) {
        return className == null ? "?" : className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }

    static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
