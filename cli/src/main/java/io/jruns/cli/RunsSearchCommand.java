package io.jruns.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.Experiment;
import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.json.RestJson;
import io.jruns.RunQuery;
import io.jruns.search.SearchResult;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code jruns runs search --filter F ...}: the filter language (docs/search.md) from the
 * command line, as a table, CSV (docs/manage.md) or MLflow's runs/search JSON.
 */
final class RunsSearchCommand implements Command {
    static final int DEFAULT_MAX = 1000;
    private static final OutputFormat[] FORMATS = {OutputFormat.TABLE, OutputFormat.CSV, OutputFormat.JSON};
    private static final CommandSpec SPEC = new CommandSpec("runs search", List.of(), List.of(
            OptionSpec.value("--filter", "FILTER", "e.g. \"metrics.r2 > 0.3 AND params.alpha = '0.5'\" (default: every run)"),
            OptionSpec.repeated("--experiment", "NAME_OR_ID", "search this experiment (default: every active one)"),
            OptionSpec.repeated("--order-by", "ORDER", "e.g. \"metrics.r2 DESC\"; ties by start time, newest first"),
            OptionSpec.value("--max", "N", "at most N runs (default " + DEFAULT_MAX + " for table and json, every match for csv)"),
            OptionSpec.value("--state", "active|deleted|all", "which runs (default active); deleted ones are marked (deleted)"),
            OptionSpec.value("--created", "TIME", "only runs started at or after TIME: " + io.jruns.store.TimeArg.FORMS),
            OptionSpec.value("--columns", "K,...", ChosenColumns.OPTION_HELP + "; table only"),
            OptionSpec.value("--format", OutputFormat.choices(FORMATS),
                    "table (default), csv (Run ID, Name, ..., params, metrics) or json (MLflow's runs/search answer)")),
            "Search runs with a filter, in an order",
            "Filters use MLflow's search syntax plus OR, NOT, parentheses and MIN/MAX/LATEST(metrics.K); "
                    + "see docs/search.md. A filter that does not parse is shown with a caret under the problem.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /** The filter as typed, narrowed by --created to the runs started since then. */
    private static String filter(ParsedArgs args) {
        Long since = ManageOptions.millis(args, "--created");
        return since == null ? args.value("--filter") : io.jruns.search.StartedSince.and(args.value("--filter"), since);
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        OutputFormat format = args.format(OutputFormat.TABLE, FORMATS);
        String max = args.value("--max");
        int n = args.positiveInt("--max", DEFAULT_MAX);
        RunQuery q = new RunQuery(context.store(), () -> null, () -> { })
                .filter(filter(args))
                .orderBy(args.values("--order-by").toArray(String[]::new));
        if (args.value("--state") != null) {
            try {
                q.state(args.value("--state"));
            } catch (io.jruns.domain.JrunsException e) {
                throw new UsageException("runs search: --state must be active, deleted or all, got '" + args.value("--state") + "'");
            }
        }
        List<Experiment> experiments = args.values("--experiment").isEmpty()
                ? context.store().listExperiments(ViewType.ACTIVE_ONLY)
                : args.values("--experiment").stream().map(context::experiment).toList();
        q.experiments(experiments.stream().map(Experiment::experimentId).distinct().toArray(String[]::new));
        if (format == OutputFormat.CSV) {
            if (max != null) q.max(n);
            Writer w = new BufferedWriter(new OutputStreamWriter(context.out(), StandardCharsets.UTF_8), 1 << 16);
            q.exportCsv(w, ManageOptions.progress(context.err(), "runs search"));
            return;
        }
        if (n > io.jruns.search.SearchRequest.MAX_RESULTS_LIMIT) {
            throw new UsageException("runs search: --max is at most 50,000 for table and json (csv has no limit), got " + n);
        }
        SearchResult page = q.max(n).page();
        List<Run> runs = page.runs();
        if (format == OutputFormat.JSON) {
            ObjectNode node = (ObjectNode) RestJson.parse(RestJson.writeRuns(runs));
            if (page.nextPageToken() != null) node.put("next_page_token", page.nextPageToken());
            context.out().println(RestJson.pretty(node));
            // stdout stays MLflow's answer; the person reading it hears of the rest here
            if (page.nextPageToken() != null) context.err().println("jruns: the first " + n + " runs; --max N gives more");
            return;
        }
        if (runs.isEmpty()) {
            context.err().println("No runs match.");
            return;
        }
        Map<String, String> names = experiments.stream().collect(Collectors.toMap(Experiment::experimentId, Experiment::name));
        NamedKeys named = NamedKeys.of(args.value("--filter"), args.values("--order-by"));
        RunsListCommand.print(runs, experiments.size() > 1 ? names : null, context, named, args.value("--columns"));
        if (page.nextPageToken() != null) context.err().println("jruns: showing the first " + n + " runs; --max N shows more");
    }
}
