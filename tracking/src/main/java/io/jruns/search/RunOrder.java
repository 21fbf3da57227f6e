package io.jruns.search;

import io.jruns.domain.Run;

import java.util.Comparator;
import java.util.List;

/**
 * The order of search results: the requested keys, NaN after the numbers and missing
 * values after NaN whatever the direction (MLflow's order), then start_time DESC and run_id as the tiebreak that makes it total (with
 * no keys this is the default order: newest first).
 */
public final class RunOrder {
    private RunOrder() {
    }

    public static Comparator<Run> comparator(List<OrderKey> keys) {
        Comparator<Run> c = (a, b) -> 0;
        for (OrderKey k : keys) c = c.thenComparing((a, b) -> compare(k, a, b));
        return c.thenComparing((Run a, Run b) -> Long.compare(b.info().startTime(), a.info().startTime()))
                .thenComparing((a, b) -> Texts.compareCodePoints(a.runId(), b.runId()));
    }

    private static int compare(OrderKey k, Run a, Run b) {
        Object va = FieldValues.of(k.field(), a);
        Object vb = FieldValues.of(k.field(), b);
        int rank = Integer.compare(rank(va), rank(vb)); // whatever the direction
        if (rank != 0 || va == null || isNaN(va)) return rank;
        int c;
        if (va instanceof String sa) c = Texts.compareCodePoints(sa, (String) vb);
        else if (va instanceof Long la) c = Long.compare(la, (Long) vb);
        else c = FieldValues.compareDoubles((Double) va, (Double) vb);
        return k.ascending() ? c : -c;
    }

    /** Values first, then NaN, then missing: MLflow's order (its SQL store sorts on is_nan, then presence). */
    private static int rank(Object v) {
        return v == null ? 2 : isNaN(v) ? 1 : 0;
    }

    private static boolean isNaN(Object v) {
        return v instanceof Double d && d.isNaN();
    }
}
