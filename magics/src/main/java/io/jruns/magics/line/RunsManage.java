package io.jruns.magics.line;

import io.jruns.search.StartedSince;
import io.jruns.store.TimeArg;
import io.jruns.views.format.Format;

import io.jruns.domain.JrunsException;
import io.jruns.Jruns;
import io.jruns.TrackingClient;
import io.jruns.magics.args.KeyValue;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.RunQuery;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The managing faces of {@code %runs}: rename, tag, untag, delete, restore (by run or in bulk
 * by time) and csv. They go through the same engine as the Java API and the command line.
 */
final class RunsManage {
    static final List<String> ACTIONS = List.of("rename", "tag", "untag", "delete", "restore", "csv");

    private RunsManage() {
    }

    static void run(MagicHost host, ParsedArgs args) {
        List<String> words = args.positional();
        String action = words.get(0);
        List<String> rest = words.subList(1, words.size());
        TrackingClient client = Jruns.client();
        client.flush();
        String said = switch (action) {
            case "rename" -> {
                need(rest.size() == 2, "%runs rename RUN NAME (quote a name with spaces)");
                yield "renamed run " + client.rename(rest.get(0), rest.get(1)) + " to " + rest.get(1);
            }
            case "tag" -> {
                need(rest.size() >= 2, "%runs tag RUN K=V...");
                String id = null;
                for (String kv : rest.subList(1, rest.size())) {
                    Map.Entry<String, String> e = KeyValue.parse("runs tag", kv);
                    id = client.tag(rest.get(0), e.getKey(), e.getValue());
                }
                yield "tagged run " + id;
            }
            case "untag" -> {
                need(rest.size() >= 2, "%runs untag RUN K...");
                String id = null;
                for (String key : rest.subList(1, rest.size())) id = client.untag(rest.get(0), key);
                yield "untagged run " + id;
            }
            case "delete" -> delete(client, args, rest);
            case "restore" -> restore(client, args, rest);
            case "csv" -> csv(args, rest);
            default -> throw new IllegalStateException(action);
        };
        host.display(Output.text(said));
    }

    private static String delete(TrackingClient client, ParsedArgs args, List<String> runs) {
        if (args.value("before").isPresent()) {
            need(runs.isEmpty(), "%runs delete --before TIME takes no RUN");
            long before = time(args.value("before").get(), "before");
            int n = client.deleteRuns(experiment(args), before, maxRuns(args));
            return "deleted " + n + " run(s) created at or before " + Format.zoned(before);
        }
        need(!runs.isEmpty(), "%runs delete RUN... [--keep-descendants] | %runs delete --before TIME [--max N]");
        int n = client.deleteRuns(runs, args.flag("keep-descendants"));
        return "deleted " + n + " run(s); restore them within 30 days with %runs restore RUN";
    }

    private static String restore(TrackingClient client, ParsedArgs args, List<String> runs) {
        if (args.value("since").isPresent()) {
            need(runs.isEmpty(), "%runs restore --since TIME takes no RUN");
            long since = time(args.value("since").get(), "since");
            int n = client.restoreRuns(experiment(args), since, maxRuns(args));
            return "restored " + n + " run(s) deleted at or after " + Format.zoned(since);
        }
        need(!runs.isEmpty(), "%runs restore RUN... | %runs restore --since TIME [--max N]");
        return "restored " + client.restoreRuns(runs.toArray(String[]::new)) + " run(s)";
    }

    private static String csv(ParsedArgs args, List<String> filterWords) {
        Path to = Path.of(args.value("to").orElseThrow(() -> JrunsException.invalid("%runs csv [FILTER] --to FILE")));
        String typed = String.join(" ", filterWords);
        RunQuery query = Jruns.search().filter(args.value("created").map(t -> StartedSince.and(typed, time(t, "created"))).orElse(typed));
        List<String> experiments = args.values("experiment");
        if (!experiments.isEmpty()) query.experiments(String.join(",", experiments).split(","));
        args.value("state").ifPresent(query::state);
        long rows = query.exportCsv(to);
        return "wrote " + rows + " run(s) to " + to;
    }

    private static String experiment(ParsedArgs args) {
        List<String> e = args.values("experiment");
        need(e.size() <= 1 && (e.isEmpty() || !e.get(0).contains(",")), "bulk delete/restore works on one experiment");
        return e.isEmpty() ? Jruns.getExperiment().experimentId() : e.get(0);
    }

    private static Integer maxRuns(ParsedArgs args) {
        return args.longValue("max").map(Long::intValue).orElse(null);
    }

    /** Epoch milliseconds, an ISO date or date-time (local time), or an age like 30d, 12h, 90m. */
    static long time(String text, String option) {
        return TimeArg.parse(text, System.currentTimeMillis(), "%runs: --" + option);
    }

    private static void need(boolean ok, String usage) {
        if (!ok) throw JrunsException.invalid("usage: " + usage);
    }
}
