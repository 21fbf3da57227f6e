package io.jruns.internal.ui.pages;

import io.jruns.domain.JrunsException;
import io.jruns.domain.ViewType;
import io.jruns.RunQuery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the experiment page's GET form asks for: the filter as typed, the state (active,
 * deleted, all), the order keys (MLflow's order_by, e.g. {@code metrics.rmse DESC}), the
 * columns ({@code params.K}/{@code metrics.K}; empty means those that vary most), the page
 * size (1 to 1,000) and the page. Links to other pages and the CSV keep these values.
 * A page after the first is fetched with the store's own page token ({@code page_token}), so paging
 * works on any store (an MLflow server's tokens too) and never reads the pages before it;
 * {@code prev} keeps the tokens of pages 2..page-1 for the "previous" link. {@code created}
 * (1h, 24h, 7d, 30d, 1y, or "" for all time) keeps runs started in that last stretch of time,
 * as the reference's "Time created" does; {@code since} is its start, fixed when the form is
 * applied and carried by the page's links, so paging and the CSV keep the same runs.
 * {@code models} ("with", "without" or "" for all runs) keeps the runs that logged a model, or
 * those that did not: the reference's filter on whether a model is associated with a run.
 */
public record RunsForm(String filter, String state, String order, List<String> columns, int size, int page,
                       String token, List<String> prev, String created, long since, String models) {
    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;
    /**
     * Not {@code token}: that is the sign-in link's, and a page-2 link with it added (as the 401
     * asks) must sign in and keep its page. An old link's {@code token} is not read as a page
     * token either (it may be the sign-in token): such a link opens page 1 of the same search.
     */
    static final String PAGE_TOKEN = "page_token";
    static final List<String> STATES = List.of("active", "deleted", "all");
    /** A "Created" choice: its value in the URL, its label, and how far back it reaches. */
    record Period(String value, String label, long millis) {
    }

    static final List<Period> PERIODS = List.of(new Period("", "all time", 0), new Period("1h", "last hour", 3_600_000L),
            new Period("24h", "last 24 hours", 86_400_000L), new Period("7d", "last 7 days", 7 * 86_400_000L),
            new Period("30d", "last 30 days", 30 * 86_400_000L), new Period("1y", "last year", 365 * 86_400_000L));
    /** A "Models" choice: its value in the URL, its label, and the clause it adds to the filter. */
    record ModelChoice(String value, String label, String clause) {
    }

    /** Models are logged in MLflow's history tag, so the choice is a filter any store (an MLflow server too) runs. */
    static final List<ModelChoice> MODELS = List.of(new ModelChoice("", "all runs", ""),
            new ModelChoice("with", "with a logged model", "tags.`mlflow.log-model.history` IS NOT NULL"),
            new ModelChoice("without", "without a logged model", "tags.`mlflow.log-model.history` IS NULL"));

    public RunsForm {
        filter = filter == null ? "" : filter;
        state = state == null || state.isBlank() ? "active" : state.strip().toLowerCase(Locale.ROOT);
        if (!STATES.contains(state)) throw JrunsException.invalid("state must be active, deleted or all, not '" + state + "'");
        order = order == null ? "" : order.strip();
        columns = columns.stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
        if (size < 1 || size > MAX_SIZE) throw JrunsException.invalid("a page holds 1 to 1,000 runs, not " + size);
        if (page < 1) throw JrunsException.invalid("pages count from 1, not " + page);
        token = token == null || token.isBlank() || page == 1 ? null : token.strip();
        if (page > 1 && token == null) page = 1; // a page number without its token starts again
        prev = prev.stream().filter(t -> !t.isBlank()).toList();
        if (prev.size() != Math.max(0, page - 2)) prev = List.of(); // the previous link then goes to page 1
        created = created == null ? "" : created.strip();
        Period period = period(created);
        if (period == null) {
            throw JrunsException.invalid("created must be 1h, 24h, 7d, 30d or 1y (or empty for all time), not '" + created + "'");
        }
        if (created.isEmpty()) since = 0;
        else if (since <= 0) since = System.currentTimeMillis() - period.millis();
        models = models == null ? "" : models.strip().toLowerCase(Locale.ROOT);
        if (modelChoice(models) == null) {
            throw JrunsException.invalid("models must be 'with' or 'without' (or empty for all runs), not '" + models + "'");
        }
    }

    public RunsForm(String filter, String state, String order, List<String> columns, int size) {
        this(filter, state, order, columns, size, 1, null, List.of(), "", 0, "");
    }

    /**
     * The filter the store is given: the one typed (or, for plain words, the run names holding
     * them: {@link #namesSearch}), the start-time bound of {@code created} and the models clause.
     */
    public String searchFilter() {
        List<String> clauses = new ArrayList<>();
        String typed = namesSearch() ? "attributes.run_name ILIKE '%" + filter.strip() + "%'" : filter;
        if (!typed.isBlank()) clauses.add(created.isEmpty() && models.isEmpty() ? typed : "(" + typed + ")");
        if (!created.isEmpty()) clauses.add("attributes.start_time >= " + since);
        if (!models.isEmpty()) clauses.add(modelChoice(models).clause());
        return clauses.isEmpty() ? filter : String.join(" AND ", clauses);
    }

    /**
     * Whether what was typed is plain words, not a filter: no operator, quote or bracket, and it
     * does not parse. As MLflow's runs search box does, it then finds the runs whose names hold
     * them ({@code child}, {@code lr 0.01}), case aside; {@code %} and {@code _} in them match any
     * text and any one character, as in LIKE.
     */
    public boolean namesSearch() {
        if (filter.isBlank() || filter.matches("(?s).*[=<>!'\"`()].*")) return false;
        try {
            io.jruns.search.FilterParser.parse(filter);
            return false;
        } catch (io.jruns.search.FilterException notAFilter) {
            return true;
        }
    }

    /** "with a logged model", or "" for all runs. */
    String modelsLabel() {
        return models.isEmpty() ? "" : modelChoice(models).label();
    }

    private static ModelChoice modelChoice(String value) {
        return MODELS.stream().filter(m -> m.value().equals(value)).findFirst().orElse(null);
    }

    /** "last 24 hours", or "" for all time. */
    String createdLabel() {
        return created.isEmpty() ? "" : period(created).label();
    }

    private static Period period(String value) {
        return PERIODS.stream().filter(p -> p.value().equals(value)).findFirst().orElse(null);
    }

    /** The form's fields from a query string (or a form body); a missing field takes its default. */
    public static RunsForm of(Map<String, List<String>> q) {
        List<String> cols = new ArrayList<>();
        for (String c : q.getOrDefault("col", List.of())) cols.addAll(List.of(c.split(",")));
        String prev = first(q, "prev");
        String since = first(q, "since");
        return new RunsForm(first(q, "filter"), first(q, "state"), first(q, "order"), cols,
                number(q, "size", DEFAULT_SIZE), number(q, "page", 1), first(q, PAGE_TOKEN),
                prev == null ? List.of() : List.of(prev.split(",")), first(q, "created"), since == null ? 0 : since(since),
                first(q, "models"));
    }

    /** The next page, fetched with the token the store returned for it. */
    public RunsForm next(String nextToken) {
        List<String> p = new ArrayList<>(prev);
        if (page >= 2) p.add(token);
        return new RunsForm(filter, state, order, columns, size, page + 1, nextToken, p, created, since, models);
    }

    /** The page before (page 1 when the tokens of earlier pages are unknown). */
    public RunsForm previous() {
        if (page <= 2 || prev.isEmpty()) return new RunsForm(filter, state, order, columns, size, 1, null, List.of(), created, since, models);
        return new RunsForm(filter, state, order, columns, size, page - 1, prev.get(prev.size() - 1),
                prev.subList(0, prev.size() - 1), created, since, models);
    }

    public ViewType viewType() {
        return RunQuery.parseState(state);
    }

    /** The query string that shows this form's runs, without defaults ({@code filter=..&state=..}). */
    public String query() {
        StringBuilder b = new StringBuilder();
        add(b, "filter", filter, "");
        add(b, "state", state, "active");
        add(b, "order", order, "");
        for (String c : columns) add(b, "col", c, "");
        add(b, "size", Integer.toString(size), Integer.toString(DEFAULT_SIZE));
        add(b, "page", Integer.toString(page), "1");
        if (token != null) add(b, PAGE_TOKEN, token, "");
        if (!prev.isEmpty()) add(b, "prev", String.join(",", prev), "");
        addCreated(b);
        return b.toString();
    }

    /** The query of the CSV download: what selects the runs (every page, every column). */
    public String csvQuery() {
        StringBuilder b = new StringBuilder();
        add(b, "filter", filter, "");
        add(b, "state", state, "active");
        add(b, "order", order, "");
        addCreated(b);
        return b.toString();
    }

    /** The fields that narrow which runs are searched, beside the filter: kept by every link and the CSV. */
    private void addCreated(StringBuilder b) {
        add(b, "created", created, "");
        if (!created.isEmpty()) add(b, "since", Long.toString(since), "");
        add(b, "models", models, "");
    }

    private static long since(String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw JrunsException.invalid("since must be milliseconds since the epoch, not '" + v + "'");
        }
    }

    private static void add(StringBuilder b, String name, String value, String dflt) {
        if (value.equals(dflt)) return;
        if (!b.isEmpty()) b.append('&');
        b.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String first(Map<String, List<String>> q, String name) {
        List<String> vs = q.get(name);
        return vs == null || vs.isEmpty() ? null : vs.get(0);
    }

    private static int number(Map<String, List<String>> q, String name, int dflt) {
        String v = first(q, name);
        if (v == null || v.isBlank()) return dflt;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw JrunsException.invalid(name + " must be a whole number, not '" + v + "'");
        }
    }
}
