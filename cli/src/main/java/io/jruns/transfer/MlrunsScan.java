package io.jruns.transfer;

import io.jruns.domain.Run;
import io.jruns.search.Evaluator;
import io.jruns.search.RunOrder;
import io.jruns.search.SearchPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A whole search over runs read once, for {@link MlrunsStore#scanRuns}. The reader's default
 * goes page by page through searchRuns, and each page of an MLflow folder read every run's
 * files again: 2,000 runs were read twice, 100,000 runs a hundred times.
 */
final class MlrunsScan {
    private MlrunsScan() {
    }

    /** {@code runs}: every run of the plan's experiments and view type. */
    static long scan(SearchPlan plan, List<Run> runs, long limit, Consumer<Run> sink) {
        List<Run> matching = new ArrayList<>();
        for (Run r : runs) {
            if (plan.filter().isEmpty() || Evaluator.matches(plan.filter().get(), r)) matching.add(r);
        }
        matching.sort(RunOrder.comparator(plan.order()));
        long n = 0;
        for (int i = Math.min(plan.offset(), matching.size()); i < matching.size() && n < limit; i++, n++) {
            sink.accept(matching.get(i));
        }
        return n;
    }
}
