package io.jruns.magics.line;

import io.jruns.domain.JrunsException;
import io.jruns.magics.args.OptionSpec;
import io.jruns.search.FilterException;
import io.jruns.search.OrderParser;
import io.jruns.search.StartedSince;
import io.jruns.views.format.Format;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;
import io.jruns.magics.ui.ViewLinks;
import io.jruns.domain.Run;
import io.jruns.search.RunCount;
import io.jruns.views.Key;
import io.jruns.views.html.RunsTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * {@code %runs}: the Experiment Runs table (filtered, ordered, paged), and {@code %runs show
 * RUN}: one run's page.
 */
public final class RunsMagic implements Magic {
    static final int DEFAULT_MAX = 100;
    static final int MAX_PAGE = 1000;
    private static final MagicSpec SPEC = new MagicSpec("runs", MagicSpec.Kind.LINE,
            "%runs [FILTER] [--max N] [--page P] [--columns K,...] [--order-by O]... [--state active|deleted|all] "
                    + "[--created TIME] [--experiment E,...] | %runs show RUN | %runs rename RUN NAME | %runs tag RUN K=V... "
                    + "| %runs untag RUN K... | %runs delete RUN... [--keep-descendants] | %runs restore RUN... "
                    + "| %runs delete --before TIME [--max N] | %runs restore --since TIME [--max N] "
                    + "| %runs csv [FILTER] [--created TIME] --to FILE",
            "Show the Experiment Runs table, newest first (nested runs under their parent, 100 a page); "
                    + "or with show RUN, the run's page; rename, tag, untag, delete (30-day restore), restore and "
                    + "csv manage runs. RUN is a run id, a unique id prefix or a run name. "
                    + "Quote a filter: %runs \"params.opt = 'adam'\".",
            List.of(OptionSpec.value("max", "N", "rows a page, 1 to 1,000 (default 100)").only("", "delete", "restore"),
                    OptionSpec.value("page", "P", "which page of rows (default 1)").only(""),
                    OptionSpec.value("columns", "K,...", "params and metrics to show (default: those that vary most)").only(""),
                    OptionSpec.repeated("order-by", "O", "an order, quoted when it has a direction: --order-by \"metrics.rmse ASC\"; "
                            + "more keys after commas in it or in another --order-by (default: newest first)").only(""),
                    OptionSpec.value("state", "S", "active (default), deleted or all").only("", "csv"),
                    OptionSpec.value("created", "TIME", "only runs started at or after TIME (30d, 12h, 2026-11-01, millis)")
                            .only("", "csv"),
                    OptionSpec.repeated("experiment", "E,...", "experiments by name or id (default: the active one)")
                            .only("", "show", "delete", "restore", "csv"),
                    OptionSpec.flag("keep-descendants", "delete: leave the runs nested below").only("delete"),
                    OptionSpec.value("before", "TIME", "delete runs created at or before (millis, 2026-11-01, 30d)").only("delete"),
                    OptionSpec.value("since", "TIME", "restore runs deleted at or after (millis, date, or age like 2h)").only("restore"),
                    OptionSpec.value("to", "FILE", "csv: the file to write").only("csv")),
            java.util.stream.Stream.concat(java.util.stream.Stream.of("show"), RunsManage.ACTIONS.stream()).toList());

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) {
        List<String> words = args.positional();
        try {
            runWords(host, args, words);
        } catch (FilterException e) {
            Optional<String> order = splitOrder(args, words, e);
            if (order.isPresent()) {
                throw e.withLead("%runs: the filter \"" + e.expression() + "\" does not parse: ",
                        "--order-by takes one word: quote the order, --order-by \"" + order.get() + "\"");
            }
            int filterWords = words.size() - (!words.isEmpty() && RunsManage.ACTIONS.contains(words.get(0)) ? 1 : 0);
            throw filterWords > 1 ? e.withAdvice(UNQUOTED) : e;
        }
    }

    /**
     * The order meant, when the filter that failed is the rest of an unquoted one: {@code
     * --order-by metrics.loss DESC} leaves {@code DESC} as the filter, {@code --order-by "a DESC"
     * start_time} leaves {@code start_time}. Empty when the words make no order with it.
     */
    static Optional<String> splitOrder(ParsedArgs args, List<String> words, FilterException e) {
        List<String> orders = args.values("order-by");
        String filter = String.join(" ", words);
        boolean table = words.isEmpty() || !(words.get(0).equals("show") || RunsManage.ACTIONS.contains(words.get(0)));
        if (orders.isEmpty() || filter.isBlank() || !table || !filter.equals(e.expression())) return Optional.empty();
        String last = orders.get(orders.size() - 1);
        String meant = last + (words.get(0).matches("(?i)ASC|DESC") ? " " : ", ") + filter;
        if (isOrder(meant)) return Optional.of(meant);
        // a quoted filter beside it: %runs "metrics.r2 > 0.3" --order-by metrics.loss DESC
        List<String> directions = words.stream().filter(w -> w.matches("(?i)ASC|DESC")).toList();
        if (directions.size() != 1) return Optional.empty();
        List<String> rest = new ArrayList<>(words);
        rest.remove(directions.get(0));
        meant = last + " " + directions.get(0);
        try {
            io.jruns.search.FilterParser.parse(String.join(" ", rest));
        } catch (FilterException restIsNoFilter) {
            return Optional.empty();
        }
        return isOrder(meant) ? Optional.of(meant) : Optional.empty();
    }

    private static boolean isOrder(String text) {
        try {
            OrderParser.parse(text);
            return true;
        } catch (FilterException notAnOrder) {
            return false;
        }
    }

    /** Unquoted, a filter is split into words and their quotes dropped: {@code = 'sgd'} arrives as {@code = sgd}. */
    static final String UNQUOTED = "%runs reads an unquoted filter as words and drops their quotes:"
            + " write the whole filter in double quotes, e.g. %runs \"params.opt = 'sgd'\"";

    private void runWords(MagicHost host, ParsedArgs args, List<String> words) {
        if (!words.isEmpty() && words.get(0).equals("show")) {
            RunShow.show(host, args);
            return;
        }
        if (!words.isEmpty() && RunsManage.ACTIONS.contains(words.get(0))) {
            RunsManage.run(host, args);
            return;
        }
        int max = (int) Math.min(Integer.MAX_VALUE, args.longValue("max").orElse((long) DEFAULT_MAX));
        if (max < 1 || max > MAX_PAGE) {
            throw JrunsException.invalid("%runs: --max takes 1 to 1,000 rows a page, not " + max + " (see more with --page P)");
        }
        int page = (int) Math.min(Integer.MAX_VALUE, args.longValue("page").orElse(1L));
        if (page < 1) throw JrunsException.invalid("%runs: --page counts from 1, not " + page);
        String typed = String.join(" ", words);
        Optional<Long> created = args.value("created").map(t -> RunsManage.time(t, "created"));
        String filter = created.map(since -> StartedSince.and(typed, since)).orElse(typed);
        List<String> experiments = RunFinder.experiments(args.values("experiment"));
        String state = args.value("state").orElse(null);
        List<String> columns = args.value("columns").map(c -> Arrays.asList(c.split(","))).orElse(List.of());
        String subtitle = RunFinder.names(experiments) + (typed.isBlank() ? "" : " \u00b7 " + typed)
                + created.map(since -> " \u00b7 started since " + Format.zoned(since)).orElse("")
                + (state == null || state.equalsIgnoreCase("active") ? "" : " \u00b7 " + state.toLowerCase(java.util.Locale.ROOT) + " runs");
        ViewLinks links = ViewLinks.current();
        // every page from the same moment: an age (7d) is fixed when the first page is shown
        IntFunction<String> pageCommand = p -> command(args, typed, max, p) + created.map(since -> " --created " + since).orElse("");
        // The page alone from the store, counted there; the whole result loaded (at most LIMIT runs)
        // only where the page cannot stand alone: nested runs, or named columns its runs lack.
        Optional<RunFinder.Paged> paged = RunFinder.page(experiments, filter, state, args.values("order-by"), page, max)
                .filter(p -> resolves(columns, p.runs()));
        RunsTable.View view;
        if (paged.isPresent()) {
            RunCount n = paged.get().count();
            view = new RunsTable.View("Experiment Runs", subtitle, paged.get().runs(), page, max, columns,
                    System.currentTimeMillis(), pageCommand, !n.exact(), links.links(), false, n.runs());
        } else {
            RunFinder.Found found = RunFinder.search(experiments, filter, state, args.values("order-by"));
            view = new RunsTable.View("Experiment Runs", subtitle, found.runs(), page, max, columns,
                    System.currentTimeMillis(), pageCommand, found.capped(), links.links(), false);
        }
        host.display(links.show(RunsTable.render(view.withExperiments(RunFinder.byId(experiments)))));
    }

    /** Whether every named column is a param or metric of these runs (else the table names what they have). */
    private static boolean resolves(List<String> columns, List<Run> runs) {
        for (String c : columns) {
            if (c.isBlank()) continue;
            try {
                Key.resolve(c, runs);
            } catch (JrunsException notHere) {
                return false;
            }
        }
        return true;
    }

    /** The %runs line that shows another page of the same table. */
    static String command(ParsedArgs args, String filter, int max, int page) {
        List<String> parts = new ArrayList<>(List.of("%runs"));
        if (!filter.isBlank()) parts.add(quote(filter));
        for (String e : args.values("experiment")) parts.add("--experiment " + quote(e));
        args.value("state").ifPresent(s -> parts.add("--state " + quote(s)));
        args.value("columns").ifPresent(c -> parts.add("--columns " + quote(c)));
        for (String o : args.values("order-by")) parts.add("--order-by " + quote(o));
        if (max != DEFAULT_MAX) parts.add("--max " + max);
        parts.add("--page " + page);
        return String.join(" ", parts);
    }

    static String quote(String s) {
        if (!s.isEmpty() && s.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\')) return s;
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
