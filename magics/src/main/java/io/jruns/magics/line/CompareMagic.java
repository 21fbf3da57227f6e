package io.jruns.magics.line;

import io.jruns.domain.JrunsException;
import io.jruns.Jruns;
import io.jruns.views.RunComparison;
import io.jruns.domain.Experiment;
import io.jruns.domain.Run;
import io.jruns.magics.args.OptionSpec;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.ui.ViewLinks;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;
import io.jruns.views.html.CompareView;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code %compare RUN RUN... [FILTER]}: runs side by side, with plots. A positional word
 * that parses as a filter selects runs by filter; any other word is a RUN (id, unique id
 * prefix or name). With neither, the experiment's latest runs are compared.
 */
public final class CompareMagic implements Magic {
    static final int DEFAULT_MAX = 100;
    static final int MAX = 1000;
    /** Experiments the heading names before "and N more". */
    static final int MAX_NAMED = 5;
    private static final MagicSpec SPEC = new MagicSpec("compare", MagicSpec.Kind.LINE,
            "%compare RUN RUN... [FILTER] [--experiment E,...] [--diff-only] [--plots-only] [--plot parallel|scatter|contour|history|none]... "
                    + "[--x K] [--y K] [--z METRIC] [--metric K] [--color METRIC] [--axes K,...] [--max N]",
            "Compare runs side by side: details, params and metrics (one column per run), and plots "
                    + "(parallel coordinates by default), headed by the experiments the runs come from. Keys are params.K, metrics.K or bare names.",
            List.of(OptionSpec.repeated("experiment", "E,...", "where names and the filter look (default: the active experiment)"),
                    OptionSpec.flag("diff-only", "hide params and metrics that are the same in every run"),
                    OptionSpec.flag("plots-only", "show the plots without the tables"),
                    OptionSpec.repeated("plot", "KIND", "parallel (default), scatter, contour, history or none; several allowed"),
                    OptionSpec.value("x", "K", "the x axis of scatter and contour"),
                    OptionSpec.value("y", "K", "the y axis of scatter and contour"),
                    OptionSpec.value("z", "METRIC", "the surface of a contour"),
                    OptionSpec.value("metric", "K", "the metric of a history plot"),
                    OptionSpec.value("color", "METRIC", "the metric that colours parallel lines and scatter points"),
                    OptionSpec.value("axes", "K,...", "the axes of parallel coordinates (default: params that vary)"),
                    OptionSpec.value("max", "N", "at most N runs from a filter, 1 to 1,000 (default 100)")));

    /** Names of the parents of compared runs that are not compared themselves (a few reads). */
    static Map<String, String> parentNames(Map<String, Run> runs) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Run r : runs.values()) {
            String p = r.parentRunId().orElse(null);
            if (p == null || runs.containsKey(p) || names.containsKey(p) || names.size() >= 50) continue;
            try {
                names.put(p, Jruns.client().getRun(p).info().runName());
            } catch (JrunsException gone) {
                // a parent that was purged: the view shows its id
            }
        }
        return names;
    }

    /**
     * The heading's experiments: those the compared runs come from, in order of first run (runs
     * given by id may be from anywhere, and a filter over several may match in only some).
     */
    static String experimentNames(Collection<Run> runs) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Run r : runs) {
            names.computeIfAbsent(r.info().experimentId(),
                    id -> Jruns.client().getExperiment(id).map(Experiment::name).orElse(id));
        }
        List<String> all = new ArrayList<>(names.values());
        if (all.size() <= MAX_NAMED) return String.join(", ", all);
        return String.join(", ", all.subList(0, MAX_NAMED)) + " and " + (all.size() - MAX_NAMED) + " more";
    }

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) {
        int max = (int) Math.min(Integer.MAX_VALUE, args.longValue("max").orElse((long) DEFAULT_MAX));
        if (max < 1 || max > MAX) throw JrunsException.invalid("%compare: --max takes 1 to 1,000 runs, not " + max);
        List<String> experiments = RunFinder.experiments(args.values("experiment"));
        String filter = null;
        Map<String, Run> runs = new LinkedHashMap<>();
        for (String word : args.positional()) {
            if (RunFinder.isFilter(word)) {
                if (filter != null) throw JrunsException.invalid("%compare takes one FILTER; join conditions with AND / OR");
                filter = word;
            } else {
                Run r = RunFinder.resolve(host, word, experiments);
                runs.putIfAbsent(r.runId(), r);
            }
        }
        String note = null;
        if (filter != null || runs.isEmpty()) {
            RunFinder.Found found = RunFinder.search(experiments, filter, null, List.of(), runs.size() + max);
            int added = 0;
            for (Run r : found.runs()) {
                if (added == max) break;
                if (runs.putIfAbsent(r.runId(), r) == null) added++;
            }
            if (found.capped()) note = "More runs match; the " + max + " newest are compared (--max N for more).";
            if (runs.isEmpty()) throw JrunsException.notFound("%compare: no runs " + (filter == null ? "in " : "match '"
                    + filter + "' in ") + RunFinder.names(experiments));
        }
        RunComparison c = RunComparison.of(new ArrayList<>(runs.values()), Jruns.client());
        List<CompareView.Plot> plots = ComparePlots.of(c, args);
        String subtitle = experimentNames(runs.values()) + (filter == null ? "" : " \u00b7 " + filter);
        if (args.flag("plots-only") && plots.isEmpty()) throw JrunsException.invalid("%compare: --plots-only needs a --plot");
        ViewLinks links = ViewLinks.current();
        host.display(links.show(CompareView.render(c, new CompareView.Show(!args.flag("plots-only"), args.flag("diff-only")), plots,
                new CompareView.Context(subtitle, note, System.currentTimeMillis(), parentNames(runs), links.links()))));
    }
}
