package io.jruns.internal.embedded;

import io.jruns.domain.ViewType;
import io.jruns.search.Attribute;
import io.jruns.search.Expr;
import io.jruns.search.Field;
import io.jruns.search.OrderKey;
import io.jruns.search.SearchPlan;
import io.jruns.search.TextOp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compiles a search plan to one SELECT over the runs table, ordered and paged in SQL.
 * Without table statistics SQLite cannot tell a selective condition from a broad one, so
 * the shape of each comparison is chosen here ({@link Strategy#AUTO}):
 * <ul>
 * <li>a top-level {@code params.K = v} / {@code tags.K IN (...)} drives: its key/value index
 * gives the candidate rids, and every other comparison is a primary-key probe per candidate
 * (unless it matches many runs and the order is the experiment index's own: then the walk below);
 * <li>else, when the order is the experiment index's own (start_time, one experiment), the
 * runs are walked in that order with probes, stopping as soon as the page is full;
 * <li>else, in large experiments, each comparison becomes one list from its key/value or
 * metric index, and the scan of the experiment's runs checks the lists; in small ones, probes.
 * </ul>
 */
final class SearchSql {
    static final String INFO_COLUMNS = Arrays.stream(RunReads.INFO_COLUMNS.split(",\\s*"))
            .map(c -> "r." + c).collect(Collectors.joining(", "));
    /** Above this many runs in the searched experiments, lists beat probes for a full scan. */
    static final long LIST_THRESHOLD = 5_000;

    /** WALK: the metric walk (see MetricWalk, MetricSplit for a page) whenever it applies, else AUTO. */
    enum Strategy { AUTO, LISTS, PROBES, WALK }

    record Query(String sql, List<Object> binds, boolean usesIlike) {
    }

    private SearchSql() {
    }

    /** The page's rows (info columns, rid first), one more than the page size to tell if more follow. */
    static Query page(SearchPlan plan, Strategy strategy, long runsInExperiments) {
        return page(plan, strategy, runsInExperiments, false);
    }

    /**
     * As {@link #page(SearchPlan, Strategy, long)}; {@code broadDriver}: the driving equality
     * matches so many runs (see MetricWalk) that, when the order is the experiment index's own,
     * walking that index with probes until the page is full beats sorting every candidate.
     */
    static Query page(SearchPlan plan, Strategy strategy, long runsInExperiments, boolean broadDriver) {
        List<Object> joinBinds = new ArrayList<>();
        StringBuilder joins = new StringBuilder();
        StringBuilder order = new StringBuilder();
        appendOrder(plan.order(), joins, joinBinds, order);

        List<Object> binds = new ArrayList<>(joinBinds);
        List<Expr> conjuncts = conjuncts(plan);
        boolean auto = strategy == Strategy.AUTO || strategy == Strategy.WALK;
        int driver = auto && !(broadDriver && walksExperimentIndex(plan)) ? driverIndex(conjuncts) : -1;
        FilterSql.Shape shape = switch (strategy) {
            case LISTS -> FilterSql.Shape.LIST;
            case PROBES -> FilterSql.Shape.PROBE;
            case AUTO, WALK -> driver >= 0 || walksExperimentIndex(plan) || runsInExperiments <= LIST_THRESHOLD
                    ? FilterSql.Shape.PROBE : FilterSql.Shape.LIST;
        };
        // "+" keeps SQLite off the experiment index, so the driver's rid list leads.
        StringBuilder where = new StringBuilder(driver >= 0 ? "+r.experiment_id IN (" : "r.experiment_id IN (")
                .append(FilterSql.marks(plan.experimentIds().size())).append(")");
        plan.experimentIds().forEach(id -> binds.add(Long.parseLong(id)));
        if (plan.viewType() != ViewType.ALL) {
            where.append(" AND r.lifecycle_stage = ?");
            binds.add(plan.viewType() == ViewType.ACTIVE_ONLY ? "active" : "deleted");
        }
        FilterSql filter = new FilterSql(binds);
        for (int i = 0; i < conjuncts.size(); i++) {
            where.append(" AND ").append(filter.compile(conjuncts.get(i), i == driver ? FilterSql.Shape.LIST : shape));
        }
        binds.add((long) plan.maxResults() + 1);
        binds.add((long) plan.offset());
        String sql = "SELECT " + INFO_COLUMNS + " FROM runs r" + joins + " WHERE " + where + " ORDER BY " + order
                + " LIMIT ? OFFSET ?";
        return new Query(sql, binds, filter.usesIlike());
    }

    /** One ORDER BY term: an expression and its direction. */
    record Term(String expr, boolean ascending) {
        String render() {
            return expr + (ascending ? " ASC" : " DESC");
        }
    }

    /**
     * The order keys, values first, then NaN, then missing, whatever the direction (MLflow's order),
     * then the total tiebreak (start time newest first, run id).
     */
    static void appendOrder(List<OrderKey> keys, StringBuilder joins, List<Object> joinBinds, StringBuilder order) {
        order.append(orderTerms(keys, joins, joinBinds).stream().map(Term::render).collect(Collectors.joining(", ")));
    }

    /** As {@link #appendOrder}, the terms one by one (a walk selects them as columns to merge its parts). */
    static List<Term> orderTerms(List<OrderKey> keys, StringBuilder joins, List<Object> joinBinds) {
        List<Term> terms = new ArrayList<>();
        for (OrderKey k : keys) {
            String v = orderValue(k.field(), joins, joinBinds);
            if (!(k.field() instanceof Field.Attr)) { // a joined row: absent means missing, a NULL value NaN
                terms.add(new Term("(" + v.substring(0, v.indexOf('.')) + ".rid IS NULL)", true));
            }
            if (!isStartTime(k.field())) terms.add(new Term("(" + v + " IS NULL)", true));
            terms.add(new Term(v, k.ascending()));
        }
        terms.add(new Term("r.start_time", false));
        terms.add(new Term("r.run_uuid", true));
        return terms;
    }

    /** The top-level terms of the filter: an AND's terms, or the one expression. */
    static List<Expr> conjuncts(SearchPlan plan) {
        return plan.filter().map(e -> e instanceof Expr.And a ? a.terms() : List.of(e)).orElse(List.of());
    }

    /** Whether AUTO needs the experiments' run count to choose (no driver, order not from the index). */
    static boolean needsRunCount(SearchPlan plan) {
        List<Expr> conjuncts = conjuncts(plan);
        return !conjuncts.isEmpty() && driverIndex(conjuncts) < 0 && !walksExperimentIndex(plan);
    }

    /** The first top-level equality on a param or tag: usually the most selective condition. */
    static int driverIndex(List<Expr> conjuncts) {
        for (int i = 0; i < conjuncts.size(); i++) {
            if (conjuncts.get(i) instanceof Expr.TextTest t && !(t.field() instanceof Field.Attr)
                    && (t.op() == TextOp.EQ || t.op() == TextOp.IN)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether runs_by_experiment (experiment_id, start_time DESC) already yields the requested order. */
    static boolean walksExperimentIndex(SearchPlan plan) {
        return plan.experimentIds().size() == 1 && (plan.order().isEmpty() || isStartTime(plan.order().get(0).field()));
    }

    private static boolean isStartTime(Field f) {
        return f instanceof Field.Attr a && a.attribute() == Attribute.START_TIME;
    }

    private static String orderValue(Field f, StringBuilder joins, List<Object> joinBinds) {
        if (f instanceof Field.Attr a) return FilterSql.column(a.attribute());
        String alias = "o" + joinBinds.size();
        String table;
        String key;
        if (f instanceof Field.Metric m) {
            table = "metric_summaries";
            key = m.key();
        } else if (f instanceof Field.Param p) {
            table = "params";
            key = p.key();
        } else {
            table = "tags";
            key = ((Field.Tag) f).key();
        }
        joins.append(" LEFT JOIN ").append(table).append(' ').append(alias).append(" ON ").append(alias)
                .append(".rid = r.rid AND ").append(alias).append(".key = ?");
        joinBinds.add(key);
        return alias + "." + (f instanceof Field.Metric m ? FilterSql.metricColumn(m) : "value");
    }
}
