package io.jruns.search;

import io.jruns.domain.Run;

import java.util.Comparator;
import java.util.List;

/**
 * The order of search results: the requested keys, missing and NaN values last whatever
 * the direction, then start_time DESC and run_id as the tiebreak that makes it total (with
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
        Object va = sortValue(k.field(), a);
        Object vb = sortValue(k.field(), b);
        if (va == null || vb == null) return va == null ? (vb == null ? 0 : 1) : -1;
        int c;
        if (va instanceof String sa) c = Texts.compareCodePoints(sa, (String) vb);
        else if (va instanceof Long la) c = Long.compare(la, (Long) vb);
        else c = FieldValues.compareDoubles((Double) va, (Double) vb);
        return k.ascending() ? c : -c;
    }

    /** The value to sort by; NaN counts as missing. */
    private static Object sortValue(Field f, Run run) {
        Object v = FieldValues.of(f, run);
        return v instanceof Double d && d.isNaN() ? null : v;
    }
}
