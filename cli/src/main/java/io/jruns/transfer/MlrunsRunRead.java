package io.jruns.transfer;

import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunData;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** One run folder of MLflow's file store read as a run: meta.yaml, tags/, params/, metrics/ (summaries). */
final class MlrunsRunRead {
    private MlrunsRunRead() {
    }

    static Run run(Path r, MlrunsLeftOut leftOut, MlrunsHistories histories) {
        MlrunsMeta m = MlrunsMeta.read(r.resolve("meta.yaml"));
        String id = m.string("run_id", m.string("run_uuid", r.getFileName().toString()));
        Map<String, String> tags = MlrunsFiles.values(r.resolve("tags"), leftOut::link);
        String name = m.string("run_name", null);
        if (name == null || name.isEmpty()) name = tags.get(SystemTags.RUN_NAME);
        Long end = !m.has("end_time") ? null : m.number("end_time", 0L);
        Long deleted = !m.has("deleted_time") ? null : m.number("deleted_time", 0L);
        String user = m.string("user_id", null);
        // export writes a run without a user as '': one whose user is '' has the tag mlflow.user = ''
        if (user != null && user.isEmpty() && !tags.containsKey(SystemTags.USER)) user = null;
        RunInfo info = new RunInfo(id, m.string("experiment_id", r.getParent().getFileName().toString()), name,
                user, RunStatus.fromCode((int) m.number("status", 1L)),
                m.number("start_time", 0L), end, m.stage(), deleted, m.string("artifact_uri", null));
        Map<String, MetricSummary> metrics = new LinkedHashMap<>();
        MlrunsFiles.keyed(r.resolve("metrics"), leftOut::link).forEach((key, f) -> {
            MetricSummary s = null;
            for (Metric x : histories.read(f, key)) s = s == null ? MetricSummary.of(x) : s.plus(x);
            if (s != null) metrics.put(key, s);
        });
        return new Run(info, new RunData(metrics, MlrunsFiles.values(r.resolve("params"), leftOut::link), tags));
    }
}
