package io.jruns.magics.line;

import io.jruns.domain.JrunsException;
import io.jruns.Jruns;
import io.jruns.TrackingClient;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.ui.ViewLinks;
import io.jruns.views.ArtifactEntry;
import io.jruns.views.RunPageData;
import io.jruns.views.html.RunPage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code %runs show RUN}: reads what the run page shows, then renders it. */
final class RunShow {
    /** Sparklines are drawn for this many metrics at most (one history read each). */
    static final int SPARKLINES = 50;
    /** Artifacts listed at most, and how deep. */

    private RunShow() {
    }

    static void show(MagicHost host, ParsedArgs args) {
        if (args.positional().size() != 2) {
            throw JrunsException.invalid("%runs show takes one RUN (a run id, a unique id prefix or a run name), e.g. %runs show 3f2a");
        }
        List<String> experiments = RunFinder.experiments(args.values("experiment"));
        Run run = RunFinder.resolve(host, args.positional().get(1), experiments);
        TrackingClient client = Jruns.client();
        Run parent = run.parentRunId().flatMap(p -> {
            try {
                return java.util.Optional.of(client.getRun(p));
            } catch (JrunsException gone) {
                return java.util.Optional.empty();
            }
        }).orElse(null);
        String filter = RunPageData.childrenFilter(run.runId());
        List<Run> children = RunFinder.search(List.of(run.info().experimentId()), filter, "all", List.of(), RunPageData.CHILDREN_SHOWN).runs();
        io.jruns.search.RunCount childCount = Jruns.search().experiments(run.info().experimentId()).filter(filter).state("all")
                .count(RunFinder.LIMIT);
        Map<String, List<Metric>> histories = new LinkedHashMap<>();
        for (String key : run.data().metrics().keySet()) {
            if (histories.size() >= SPARKLINES) break;
            if (run.data().metrics().get(key).count() > 1) histories.put(key, client.getMetricHistory(run.runId(), key));
        }
        List<ArtifactEntry> artifacts = new ArrayList<>();
        boolean truncated = ArtifactEntry.listTree(client, run.runId(), artifacts);
        ViewLinks links = ViewLinks.current();
        host.display(links.show(RunPage.render(new RunPageData(run, Names.experimentName(run.info().experimentId()), parent, children,
                histories, artifacts, truncated, System.currentTimeMillis()).withLinks(links.links()).withChildCount(childCount))));
    }

}
