package io.jruns.magics.line;

import io.jruns.domain.JrunsException;
import io.jruns.magics.args.OptionSpec;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.logging.LineValues;
import io.jruns.magics.logging.RunTarget;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code %metric K=V... [--step N]}: log numeric values to the active run. */
public final class MetricMagic implements Magic {
    private static final MagicSpec SPEC = new MagicSpec("metric", MagicSpec.Kind.LINE, "%metric K=V... [--step N]",
            "Log metric values (numbers, NaN or Infinity) to the active run at a step (default 0).",
            List.of(OptionSpec.value("step", "N", "the step (default 0)")));

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) {
        long step = args.longValue("step").orElse(0L);
        Map<String, Double> values = new LinkedHashMap<>();
        LineValues.metrics(args).forEach((k, v) -> values.put(k, parse(k, v)));
        if (values.isEmpty()) throw JrunsException.invalid("%metric: give at least one KEY=NUMBER");
        RunTarget target = RunTarget.activeOrStart();
        target.run().logMetrics(values, step);
        host.display(Output.text(target.say("logged " + values.size() + (values.size() == 1 ? " metric" : " metrics")
                + " at step " + step)));
    }

    static double parse(String key, String text) {
        String t = text.trim();
        switch (t) {
            case "NaN", "nan" -> {
                return Double.NaN;
            }
            case "Infinity", "inf", "+Infinity", "+inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-Infinity", "-inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    double v = Double.parseDouble(t);
                    // 1e400 parses as Infinity: logging it would hide the typo; Infinity is written as such
                    if (Double.isInfinite(v)) {
                        throw JrunsException.invalid("%metric: value of '" + key + "' is beyond a double's range: '" + text
                                + "' (write Infinity or -Infinity for those)");
                    }
                    return v;
                } catch (NumberFormatException e) {
                    throw JrunsException.invalid("%metric: value of '" + key + "' is not a number: '" + text + "'");
                }
            }
        }
    }
}
