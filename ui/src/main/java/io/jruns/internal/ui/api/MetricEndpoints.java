package io.jruns.internal.ui.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.JrunsException;
import io.jruns.domain.Metric;
import io.jruns.internal.validate.Validation;
import io.jruns.json.RestJson;
import io.jruns.store.Store;

import java.util.Comparator;
import java.util.List;

/** metrics/get-history (paged when max_results is given) and metrics/get-history-bulk-interval. */
final class MetricEndpoints {
    /** MLflow's largest history page. */
    static final int MAX_PAGE = 25_000;
    static final int MAX_BULK_RUNS = 100;
    static final int MAX_BULK_POINTS = 1000;

    private MetricEndpoints() {
    }

    static void install(MlflowApi.Endpoints e, Store store) {
        e.get("metrics/get-history", c -> {
            String runId = RunEndpoints.runId(c);
            String key = c.string("metric_key");
            RunEndpoints.require(store, runId);
            List<Metric> all = store.getMetricHistory(runId, key);
            int max = c.optInt("max_results", MAX_PAGE);
            if (max < 1 || max > MAX_PAGE) throw JrunsException.invalid("Invalid value " + max + " for parameter 'max_results' supplied.");
            int from = Math.min(Paging.offset(c.optString("page_token")), all.size());
            int to = (int) Math.min((long) from + max, all.size());
            ObjectNode out = Wire.object();
            ArrayNode a = Wire.F.arrayNode();
            for (Metric m : all.subList(from, to)) a.add(RestJson.metricNode(m));
            if (!a.isEmpty()) out.set("metrics", a);
            if (to < all.size()) out.put("next_page_token", Paging.token(to));
            return Wire.ok(out);
        });
        e.get("metrics/get-history-bulk-interval", c -> {
            List<String> runIds = c.strings("run_ids");
            if (runIds.isEmpty()) throw ApiCall.missing("run_ids");
            if (runIds.size() > MAX_BULK_RUNS) {
                throw JrunsException.invalid("GetMetricHistoryBulkInterval request must specify at most " + MAX_BULK_RUNS
                        + " run_ids. Received " + runIds.size() + " run_ids.");
            }
            String key = c.string("metric_key");
            int max = c.optInt("max_results", 320);
            if (max < 1 || max > MAX_BULK_POINTS) throw JrunsException.invalid("Invalid value " + max + " for parameter 'max_results' supplied.");
            Long start = c.optLong("start_step");
            Long end = c.optLong("end_step");
            ArrayNode a = Wire.F.arrayNode();
            for (String runId : runIds) {
                Validation.runId(runId); // no run read: a search asks for a hundred runs at a time, and an unknown id has no points
                List<Metric> points = store.getMetricHistory(runId, key).stream()
                        .filter(m -> (start == null || m.step() >= start) && (end == null || m.step() <= end))
                        .sorted(Comparator.comparingLong(Metric::step).thenComparingLong(Metric::timestamp)).toList();
                for (Metric m : sample(points, max)) a.add(RestJson.metricNode(m).put("run_id", runId));
            }
            ObjectNode out = Wire.object();
            if (!a.isEmpty()) out.set("metrics", a);
            return Wire.ok(out);
        });
    }

    /** At most {@code max} points spread evenly over the steps, the first and last always among them. */
    static List<Metric> sample(List<Metric> points, int max) {
        if (points.size() <= max) return points;
        if (max == 1) return List.of(points.get(points.size() - 1));
        java.util.List<Metric> out = new java.util.ArrayList<>(max);
        for (int i = 0; i < max; i++) out.add(points.get((int) Math.round(i * (points.size() - 1) / (double) (max - 1))));
        return out;
    }
}
