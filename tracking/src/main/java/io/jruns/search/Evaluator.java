package io.jruns.search;

import io.jruns.domain.Run;

/**
 * Decides in memory whether a run matches a filter. Every comparison is plain true/false:
 * a missing key or attribute makes it false (so {@code !=} and {@code NOT IN} need the key
 * present too), and NOT negates that. A NaN latest value compares as 0, as on MLflow's SQL
 * store; a NaN MIN/MAX (every point NaN) satisfies only {@code !=}. The embedded
 * store's SQL gives the same answers; a property test holds them together.
 */
public final class Evaluator {
    private Evaluator() {
    }

    public static boolean matches(Expr e, Run run) {
        if (e instanceof Expr.And and) {
            for (Expr t : and.terms()) if (!matches(t, run)) return false;
            return true;
        }
        if (e instanceof Expr.Or or) {
            for (Expr t : or.terms()) if (matches(t, run)) return true;
            return false;
        }
        if (e instanceof Expr.Not not) return !matches(not.term(), run);
        if (e instanceof Expr.ModelTest m) {
            return (Boolean) FieldValues.of(new Field.Attr(Attribute.HAS_MODEL), run) == m.present();
        }
        if (e instanceof Expr.Presence p) return present(p.field(), run) == p.present();
        if (e instanceof Expr.NumberTest n) return number(n, run);
        return text((Expr.TextTest) e, run);
    }

    private static boolean present(Field f, Run run) {
        if (f instanceof Field.Metric m) return run.data().metrics().containsKey(m.key());
        if (f instanceof Field.Param p) return run.data().params().containsKey(p.key());
        return run.data().tags().containsKey(((Field.Tag) f).key());
    }

    private static boolean number(Expr.NumberTest n, Run run) {
        Object v = FieldValues.of(n.field(), run);
        if (v == null) return false;
        if (v instanceof Double d && d.isNaN()) {
            // MLflow stores a NaN latest value as 0 (with a flag) and compares that 0: follow it
            if (n.field() instanceof Field.Metric m && m.aggregate() == Aggregate.LATEST) v = 0.0;
            else return n.op() == NumberOp.NE; // MIN/MAX (jruns' own): all points NaN, no number
        }
        return n.op().test(FieldValues.compare(v, n.value()));
    }

    private static boolean text(Expr.TextTest t, Run run) {
        String v = (String) FieldValues.of(t.field(), run);
        if (v == null) return false;
        return switch (t.op()) {
            case EQ -> v.equals(t.values().get(0));
            case NE -> !v.equals(t.values().get(0));
            case LIKE -> Like.matches(v, t.values().get(0), false);
            case ILIKE -> Like.matches(v, t.values().get(0), true);
            case IN -> t.values().contains(v);
            case NOT_IN -> !t.values().contains(v);
        };
    }
}
