package io.jruns.internal.rest;

import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.search.Aggregate;
import io.jruns.search.Evaluator;
import io.jruns.search.Expr;
import io.jruns.search.Field;
import io.jruns.search.NumberOp;

import java.util.List;

/**
 * Whether a run's latest values already settle a filter's MIN/MAX comparisons, so that
 * reading its metric histories (one request per run and key) cannot change the answer.
 * The latest value lies between MIN and MAX: {@code MAX(m) >= x} holds when the latest does,
 * {@code MAX(m) <= x} fails when the latest fails it (and the mirror cases for MIN). A search
 * response carries latest values only, so it is evaluated with MIN = MAX = latest; in the
 * settled cases that gives the same answer as the full histories. Only a top-level AND is
 * looked into; OR, NOT, = and != on aggregates, and NaN values stay unsettled.
 */
final class LatestBounds {
    private LatestBounds() {
    }

    static boolean settles(Expr filter, Run run) {
        List<Expr> terms = filter instanceof Expr.And and ? and.terms() : List.of(filter);
        boolean open = false;
        for (Expr t : terms) {
            switch (settle(t, run)) {
                case FALSE -> {
                    return true; // one false term settles the AND, whatever the others' histories say
                }
                case OPEN -> open = true;
                case TRUE -> {
                }
            }
        }
        return !open;
    }

    private enum Answer { TRUE, FALSE, OPEN }

    private static Answer settle(Expr t, Run run) {
        if (!aggregated(t)) return Evaluator.matches(t, run) ? Answer.TRUE : Answer.FALSE;
        if (!(t instanceof Expr.NumberTest n) || !(n.field() instanceof Field.Metric m)) return Answer.OPEN;
        MetricSummary s = run.data().metrics().get(m.key());
        if (s == null) return Evaluator.matches(t, run) ? Answer.TRUE : Answer.FALSE; // no points: no history either
        if (Double.isNaN(s.latest()) || Double.isNaN(n.value().value())) return Answer.OPEN;
        boolean holds = Evaluator.matches(t, run); // with MIN = MAX = latest
        boolean max = m.aggregate() == Aggregate.MAX;
        NumberOp op = n.op();
        boolean above = op == NumberOp.GT || op == NumberOp.GE;
        boolean below = op == NumberOp.LT || op == NumberOp.LE;
        if (max && above || !max && below) return holds ? Answer.TRUE : Answer.OPEN;
        if (max && below || !max && above) return holds ? Answer.OPEN : Answer.FALSE;
        return Answer.OPEN;
    }

    private static boolean aggregated(Expr e) {
        if (e instanceof Expr.And a) return a.terms().stream().anyMatch(LatestBounds::aggregated);
        if (e instanceof Expr.Or o) return o.terms().stream().anyMatch(LatestBounds::aggregated);
        if (e instanceof Expr.Not n) return aggregated(n.term());
        if (e instanceof Expr.NumberTest n) return n.field() instanceof Field.Metric m && m.aggregate() != Aggregate.LATEST;
        return false;
    }
}
