package io.jruns.bench.b4;

import io.jruns.Jruns;
import io.jruns.bench.child.Report;
import io.jruns.bench.child.Stats;
import io.jruns.domain.Run;
import io.jruns.magics.JrunsMagics;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.registry.MagicRegistry;
import io.jruns.magics.registry.MagicSpec;
import io.jruns.search.SearchRequest;
import io.jruns.views.html.RunsTable;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * B4 (child JVM): the %runs magic's first page of the 100,000-run store, loading included
 * (the store's page search, its exact count, rendering), beside two baselines in the same
 * JVM: the path %runs took before it read pages (load the first 10,001 runs, render the
 * first 100) and the store's page search alone. Usage: RunsPageMain CACHE_DIR ROUNDS
 */
public final class RunsPageMain {
    static final String FILTERED = "\"params.alpha = '0.5'\" --order-by \"metrics.r2 DESC\"";
    /** What %runs loaded before it read pages (RunFinder.LIMIT), plus one to tell "more than". */
    static final int OLD_LIMIT = 10_000;

    private RunsPageMain() {
    }

    public static void main(String[] args) throws Exception {
        Path home = SearchStore.ensure(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Jruns.setTrackingUri(home.toString());
        Jruns.setExperiment(SearchStore.EXPERIMENT);
        MagicRegistry magics = JrunsMagics.registry();
        Host host = new Host();
        Supplier<Output> first = () -> host.run(magics, "");

        long t = System.nanoTime();
        Output cold = first.get();
        Report.figure("b4.page.cold", (System.nanoTime() - t) / 1e6);
        String footer = cold.text().lines().filter(l -> l.startsWith("Showing runs")).findFirst().orElse("(no footer)");
        Report.progress("%runs says: " + footer);
        Report.figure("b4.page.exact", footer.startsWith("Showing runs 1\u2013100 of " + String.format("%,d", SearchStore.RUNS) + ";")
                ? 1 : 0);

        Stats jruns = time(rounds, () -> first.get().html().length());
        Report.stats("b4.page.jruns", jruns);
        Report.stats("b4.page.filtered", time(rounds, () -> host.run(magics, FILTERED).html().length()));
        Report.stats("b4.page.old", time(Math.max(3, rounds / 6), RunsPageMain::oldPath));
        String exp = Jruns.getExperiment().experimentId();
        SearchRequest page = SearchRequest.builder().experiments(exp).maxResults(100).build();
        Report.stats("b4.page.search", time(rounds, () -> Jruns.client().store().searchRuns(page).runs().size()));
        Report.progress(String.format("b4 %%runs first page: median %.1f ms against the 300 ms target: %s", jruns.median(),
                jruns.median() <= 300 && footer.contains(" of 100,000;") ? "met" : "MISSED"));
    }

    /** %runs before it read pages: every match up to the limit loaded, then the table's first page rendered. */
    private static int oldPath() {
        List<Run> runs = Jruns.search().max(OLD_LIMIT + 1).runs();
        boolean capped = runs.size() > OLD_LIMIT;
        List<Run> shown = capped ? runs.subList(0, OLD_LIMIT) : runs;
        return RunsTable.render(new RunsTable.View("Experiment Runs", SearchStore.EXPERIMENT, shown, 1, 100, List.of(),
                System.currentTimeMillis(), p -> "%runs --page " + p, capped)).html().length();
    }

    private static Stats time(int rounds, Supplier<Integer> work) {
        for (int i = 0; i < Math.min(3, rounds); i++) work.get(); // warm-up
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return Stats.of(ms);
    }

    /** A notebook host that keeps what the magic displays. */
    private static final class Host implements MagicHost {
        private Output last;

        Output run(MagicRegistry magics, String line) {
            last = null;
            try {
                magics.run(this, MagicSpec.Kind.LINE, "runs", line, null);
            } catch (Exception e) {
                throw new IllegalStateException("%runs " + line + " failed: " + e, e);
            }
            if (last == null) throw new IllegalStateException("%runs " + line + " displayed nothing");
            return last;
        }

        @Override
        public void display(Output output) {
            last = output;
        }

        @Override
        public Object eval(String code) {
            return null;
        }

        @Override
        public Optional<Path> notebookPath() {
            return Optional.empty();
        }
    }
}
