package io.jruns.magics.cell;

import io.jruns.magics.args.OptionSpec;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.logging.LineValues;
import io.jruns.magics.logging.RunTarget;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code %%metrics [--step N] [--prefix P]}: run the cell, then log as metrics every numeric
 * variable (primitive or boxed) it declared or assigned.
 */
public final class MetricsCellMagic implements Magic {
    private static final MagicSpec SPEC = new MagicSpec("metrics", MagicSpec.Kind.CELL,
            "%%metrics [--step N] [--prefix P]",
            "Run the cell, then log every numeric variable it declared or assigned as a metric of the active run.",
            List.of(OptionSpec.value("step", "N", "the step (default 0)"),
                    OptionSpec.value("prefix", "P", "prepended to each metric key")));

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) throws Exception {
        long step = args.longValue("step").orElse(0L);
        String prefix = args.value("prefix").orElse("");
        Object value = host.eval(body);
        Map<String, Double> metrics = new LinkedHashMap<>();
        host.values(new ArrayList<>(Assignments.names(body))).forEach((name, v) -> {
            if (v instanceof Number n) metrics.put(prefix + name, n.doubleValue());
        });
        LineValues.metricKeys("metrics", metrics.keySet());
        RunTarget target = metrics.isEmpty() ? null : RunTarget.activeOrStart();
        if (target != null) target.run().logMetrics(metrics, step);
        if (value != null) host.displayValue(value);
        List<String> shown = new ArrayList<>();
        metrics.forEach((k, v) -> shown.add(k + "=" + v));
        host.display(Output.text(target == null ? "no numeric variables to log"
                : target.say("logged " + String.join(", ", shown) + " at step " + step)));
    }
}
