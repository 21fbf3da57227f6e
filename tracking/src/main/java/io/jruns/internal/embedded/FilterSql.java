package io.jruns.internal.embedded;

import io.jruns.domain.SystemTags;
import io.jruns.search.Aggregate;
import io.jruns.search.Attribute;
import io.jruns.search.Expr;
import io.jruns.search.Field;
import io.jruns.search.Like;
import io.jruns.search.NumberOp;
import io.jruns.search.TextOp;

import java.util.Collections;
import java.util.List;

/**
 * Compiles a filter to a SQL condition on {@code runs r}. User values are always bound
 * parameters. Every comparison compiles to something that is 0 or 1, never NULL, so SQL's
 * NOT means what the in-memory evaluator's NOT means. A comparison on params, tags or
 * metrics takes one of two shapes, chosen per search by {@link SearchSql}.
 */
final class FilterSql {
    /** jruns' ILIKE, registered on the connection (see RunSearch): SQLite's LIKE folds ASCII only. */
    static final String ILIKE_FUNCTION = "jruns_ilike";

    enum Shape {
        /** {@code r.rid IN (SELECT rid ...)}: one pass over the key/value index, kept as a list. */
        LIST,
        /** {@code EXISTS (SELECT 1 ... WHERE rid = r.rid)}: a primary-key probe per run looked at. */
        PROBE
    }

    private final List<Object> binds;
    private boolean usesIlike;

    FilterSql(List<Object> binds) {
        this.binds = binds;
    }

    boolean usesIlike() {
        return usesIlike;
    }

    String compile(Expr e, Shape shape) {
        if (e instanceof Expr.And and) return balanced(and.terms(), 0, and.terms().size(), " AND ", shape);
        if (e instanceof Expr.Or or) return balanced(or.terms(), 0, or.terms().size(), " OR ", shape);
        if (e instanceof Expr.Not not) return "(NOT " + compile(not.term(), shape) + ")";
        if (e instanceof Expr.ModelTest m) {
            binds.add(SystemTags.LOG_MODEL_HISTORY);
            return (m.present() ? "" : "NOT ") + keyed("tags", "", shape);
        }
        if (e instanceof Expr.Presence p) {
            Field f = p.field();
            binds.add(f instanceof Field.Metric m ? m.key() : f instanceof Field.Param q ? q.key() : ((Field.Tag) f).key());
            String table = f instanceof Field.Metric ? "metric_summaries" : f instanceof Field.Param ? "params" : "tags";
            return (p.present() ? "" : "NOT ") + keyed(table, "", shape);
        }
        if (e instanceof Expr.NumberTest n) return number(n, shape);
        return text((Expr.TextTest) e, shape);
    }

    /** A balanced tree of parentheses: SQLite limits expression depth, and a long AND chain is deep. */
    private String balanced(List<Expr> terms, int from, int to, String op, Shape shape) {
        if (to - from == 1) return compile(terms.get(from), shape);
        int mid = (from + to) >>> 1;
        String left = balanced(terms, from, mid, op, shape);
        return "(" + left + op + balanced(terms, mid, to, op, shape) + ")";
    }

    /** A test on the rows of {@code table} with the bound key; {@code cond} starts with " AND " or is empty. */
    private static String keyed(String table, String cond, Shape shape) {
        return shape == Shape.LIST
                ? "r.rid IN (SELECT rid FROM " + table + " WHERE key = ?" + cond + ")"
                : "EXISTS (SELECT 1 FROM " + table + " WHERE rid = r.rid AND key = ?" + cond + ")";
    }

    private String number(Expr.NumberTest n, Shape shape) {
        String sqlOp = n.op() == NumberOp.NE ? "<>" : n.op().symbol();
        if (n.field() instanceof Field.Metric m) {
            binds.add(m.key());
            binds.add(n.value().value());
            String col = metricColumn(m);
            // NaN is stored as NULL. A NaN latest value compares as 0 (MLflow's rule); a NaN MIN/MAX
            // (every point NaN) satisfies != only.
            // Written so the (key, latest) index still serves it: "OR latest IS NULL" only when NaN passes.
            String cond = nanPasses(n) ? "(" + col + " IS NULL OR " + col + " " + sqlOp + " ?)" : col + " " + sqlOp + " ?";
            return keyed("metric_summaries", " AND " + cond, shape);
        }
        String col = column(((Field.Attr) n.field()).attribute());
        binds.add(n.value().exact() != null ? (Object) n.value().exact() : (Object) n.value().value());
        return "(" + col + " IS NOT NULL AND " + col + " " + sqlOp + " ?)";
    }

    /** Whether a NaN value passes a metric comparison: a NaN latest value as 0 would, a NaN MIN/MAX only !=. */
    static boolean nanPasses(Expr.NumberTest n) {
        if (((Field.Metric) n.field()).aggregate() != Aggregate.LATEST) return n.op() == NumberOp.NE;
        double v = n.value().value();
        return n.op().test(0.0 < v ? -1 : 0.0 > v ? 1 : 0);
    }

    private String text(Expr.TextTest t, Shape shape) {
        if (t.field() instanceof Field.Attr a) {
            String col = column(a.attribute());
            return "(" + col + " IS NOT NULL AND " + textCondition(col, t) + ")";
        }
        boolean param = t.field() instanceof Field.Param;
        binds.add(param ? ((Field.Param) t.field()).key() : ((Field.Tag) t.field()).key());
        return keyed(param ? "params" : "tags", " AND " + textCondition("value", t), shape);
    }

    private String textCondition(String col, Expr.TextTest t) {
        List<String> v = t.values();
        return switch (t.op()) {
            case EQ -> bind(v.get(0), col + " = ?");
            case NE -> bind(v.get(0), col + " <> ?");
            case LIKE -> bind(Like.toGlob(v.get(0)), col + " GLOB ?");
            case ILIKE -> {
                usesIlike = true;
                yield bind(v.get(0), ILIKE_FUNCTION + "(" + col + ", ?)");
            }
            case IN, NOT_IN -> {
                binds.addAll(v);
                yield col + (t.op() == TextOp.IN ? " IN (" : " NOT IN (") + marks(v.size()) + ")";
            }
        };
    }

    private String bind(Object value, String sql) {
        binds.add(value);
        return sql;
    }

    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    static String metricColumn(Field.Metric m) {
        return switch (m.aggregate()) {
            case LATEST -> "latest";
            case MIN -> "min_value";
            case MAX -> "max_value";
        };
    }

    static String column(Attribute a) {
        return switch (a) {
            case RUN_ID -> "r.run_uuid";
            case RUN_NAME -> "r.name";
            case STATUS -> "r.status";
            case USER_ID -> "r.user_id";
            case ARTIFACT_URI -> "r.artifact_uri";
            case START_TIME -> "r.start_time";
            case END_TIME -> "r.end_time";
            case HAS_MODEL -> throw new IllegalArgumentException("has_model is not a column");
        };
    }
}
