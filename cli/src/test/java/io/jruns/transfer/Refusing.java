package io.jruns.transfer;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.store.RunStart;
import io.jruns.store.Store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real store seen through a view that refuses, as a server refuses a value, every batch
 * holding a param named {@code badParam} (the rest of the write goes through, as a store's
 * batch writes do), the artifacts of the run named {@code badArtifactRun} and the start of the
 * run named {@code badStartRun} (as a server refuses a tag of a new run: no copy is made; a
 * planned start is left out of its write, the rest going through), while {@code on}.
 */
final class Refusing {
    private Refusing() {
    }

    static Store store(Store real, String badParam, String badArtifactRun, AtomicBoolean on) {
        return store(real, badParam, badArtifactRun, null, on);
    }

    static Store store(Store real, String badParam, String badArtifactRun, String badStartRun, AtomicBoolean on) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[]{Store.class}, (proxy, m, args) -> {
            List<JrunsException> refused = new ArrayList<>();
            if (on.get() && m.getName().equals("createRun") && args[3].equals(badStartRun)) {
                throw JrunsException.invalid("Invalid tag name: 'a:b' (run '" + badStartRun + "')");
            }
            if (on.get() && m.getName().equals("logBatches") && args.length == 4) { // a planned start, written with its values
                @SuppressWarnings("unchecked") List<RunStart> starts = new ArrayList<>((List<RunStart>) args[0]);
                List<String> gone = starts.stream().filter(st -> st.info().runName().equals(badStartRun))
                        .map(st -> st.info().runId()).toList();
                gone.forEach(id -> refused.add(JrunsException.invalid("Invalid tag name: 'a:b' (run '" + id + "')")));
                starts.removeIf(st -> gone.contains(st.info().runId()));
                @SuppressWarnings("unchecked") List<LogBatch> values = new ArrayList<>((List<LogBatch>) args[1]);
                values.removeIf(b -> gone.contains(b.runId())); // refused with its start
                args = args.clone();
                args[0] = starts;
                args[1] = values;
            }
            if (on.get() && m.getName().equals("logBatches")) {
                int at = args.length == 4 ? 1 : 0;
                @SuppressWarnings("unchecked") List<LogBatch> batches = (List<LogBatch>) args[at];
                List<LogBatch> kept = new ArrayList<>();
                for (LogBatch b : batches) {
                    if (b.params().stream().anyMatch(p -> p.key().equals(badParam))) {
                        refused.add(JrunsException.invalid("Invalid param name: '" + badParam + "' (run '" + b.runId() + "')"));
                    } else {
                        kept.add(b);
                    }
                }
                args = args.clone();
                args[at] = kept;
            }
            if (on.get() && m.getName().equals("logArtifact")
                    && badArtifactRun.equals(real.getRun((String) args[0]).orElseThrow().info().runName())) {
                throw JrunsException.invalid("artifact path refused by the server");
            }
            try {
                Object out = m.invoke(real, args);
                if (!refused.isEmpty()) {
                    @SuppressWarnings("unchecked") List<JrunsException> problems = new ArrayList<>((List<JrunsException>) out);
                    problems.addAll(refused);
                    return problems;
                }
                return out;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
