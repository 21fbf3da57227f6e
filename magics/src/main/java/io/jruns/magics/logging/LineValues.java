package io.jruns.magics.logging;

import io.jruns.ActiveRun;
import io.jruns.Jruns;
import io.jruns.domain.JrunsException;
import io.jruns.internal.validate.Validation;
import io.jruns.magics.args.KeyValue;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.store.LongValues;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A logging magic's line, read and checked whole before anything is logged, so a refused line
 * logs nothing: keys by the tracking module's own rules (the ones every logging call applies),
 * values against MLflow's limits, params against those the run already has. A key given twice
 * with two values is refused: which one was meant cannot be told.
 */
public final class LineValues {
    private LineValues() {
    }

    /** {@code K=V} words of %param: none may change a param the active run has. */
    public static Map<String, String> params(ParsedArgs args) {
        Map<String, String> params = read(args, "param", "; a param cannot change");
        if (LongValues.fromEnvironment() == LongValues.REJECT) {
            params.forEach((k, v) -> check(args, () -> Validation.paramValue(k, v, LongValues.REJECT)));
        }
        Optional<ActiveRun> run = Jruns.activeRun();
        if (run.isPresent() && !params.isEmpty()) {
            Map<String, String> logged = run.get().info().data().params();
            params.forEach((k, v) -> {
                String old = logged.get(k);
                if (old != null && !old.equals(v)) {
                    throw fail(args, Validation.paramConflict(run.get().runId(), k, old, v).getMessage());
                }
            });
        }
        return params;
    }

    /** {@code K=V} words of %tag. */
    public static Map<String, String> tags(ParsedArgs args) {
        Map<String, String> tags = read(args, "tag", "");
        if (LongValues.fromEnvironment() == LongValues.REJECT) {
            tags.forEach((k, v) -> check(args, () -> Validation.tagValue(k, v, LongValues.REJECT)));
        }
        return tags;
    }

    /** {@code K=V} words of %metric, values still text. */
    public static Map<String, String> metrics(ParsedArgs args) {
        return read(args, "metric", "");
    }

    /** Metric keys made by a magic (%%metrics), checked before any is logged. */
    public static void metricKeys(String magic, Collection<String> keys) {
        for (String k : keys) {
            try {
                Validation.key("metric", k);
            } catch (JrunsException e) {
                throw JrunsException.invalid("%" + magic + ": " + e.getMessage());
            }
        }
    }

    /** The tags %tag --delete names, each one the run has; else none is deleted. */
    public static List<String> tagsToDelete(ParsedArgs args, ActiveRun run) {
        List<String> keys = new ArrayList<>(new LinkedHashSet<>(args.positional()));
        keys.forEach(k -> check(args, () -> Validation.key("tag", k)));
        Map<String, String> tags = run.info().data().tags();
        List<String> missing = keys.stream().filter(k -> !tags.containsKey(k)).map(k -> "'" + k + "'").toList();
        if (!missing.isEmpty()) {
            throw JrunsException.invalid("%tag --delete: run '" + run.runId() + "' has no tag" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + " (nothing was deleted)");
        }
        return keys;
    }

    private static Map<String, String> read(ParsedArgs args, String kind, String twiceAdvice) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String word : args.positional()) {
            Map.Entry<String, String> kv = KeyValue.parse(args.magic(), word);
            String before = out.putIfAbsent(kv.getKey(), kv.getValue());
            if (before != null && !before.equals(kv.getValue())) {
                throw fail(args, "'" + kv.getKey() + "' is given twice, as '" + before + "' and '" + kv.getValue() + "'" + twiceAdvice);
            }
            check(args, () -> Validation.key(kind, kv.getKey()));
        }
        return out;
    }

    /** Runs a check of the tracking module, its error said as this magic's. */
    private static void check(ParsedArgs args, Runnable check) {
        try {
            check.run();
        } catch (JrunsException e) {
            throw fail(args, e.getMessage());
        }
    }

    private static JrunsException fail(ParsedArgs args, String message) {
        return JrunsException.invalid("%" + args.magic() + ": " + message);
    }
}
