package io.jruns.transfer;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.store.Store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real store seen through a view that refuses, as a server refuses a value, every batch
 * holding a param named {@code badParam} (the rest of the write goes through, as a store's
 * batch writes do) and the artifacts of the run named {@code badArtifactRun}, while {@code on}.
 */
final class Refusing {
    private Refusing() {
    }

    static Store store(Store real, String badParam, String badArtifactRun, AtomicBoolean on) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[]{Store.class}, (proxy, m, args) -> {
            List<JrunsException> refused = new ArrayList<>();
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
