package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.RunTag;
import io.jruns.store.LongValues;
import io.jruns.store.RefusedValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Values this server refuses, and telling the user about them: once per key, on one line with
 * the server's whole message, and as a {@link RefusedValue} for the next flush(). Values the
 * server is known to refuse ({@link ServerRules}, or a key it refused before) are refused here
 * without being sent; over-long tags are cut instead when JRUNS_TRUNCATE_LONG_VALUES says so.
 */
final class Refusals {
    private final ServerRules rules;
    private final String server;
    private final Consumer<String> warnings;
    private final LongValues longValues;
    /** run/kind/key already reported, so a key logged 10,000 times is one line. */
    private final Set<String> told = ConcurrentHashMap.newKeySet();
    /** Values the server refused after their key's line was said: said as a count per request, so none goes unsaid. */
    private final Map<String, Integer> repeats = new ConcurrentHashMap<>();
    /** Keys the server refused for their name: later values of them are not sent again. */
    private final Map<String, String> badNames = new ConcurrentHashMap<>();

    Refusals(ServerRules rules, String server, Consumer<String> warnings, LongValues longValues) {
        this.rules = rules;
        this.server = server;
        this.warnings = warnings;
        this.longValues = longValues;
    }

    /** The batches without what this server would refuse or cut; what was left out goes to {@code problems}. */
    List<LogBatch> screen(List<LogBatch> batches, List<JrunsException> problems) {
        List<LogBatch> out = new ArrayList<>(batches.size());
        for (LogBatch b : batches) {
            boolean changed = false;
            List<Metric> metrics = new ArrayList<>(b.metrics().size());
            for (Metric m : b.metrics()) {
                if (keep(b.runId(), "metric", m.key(), problems)) metrics.add(m);
                else changed = true;
            }
            List<Param> params = new ArrayList<>();
            for (Param p : b.params()) {
                if (keep(b.runId(), "param", p.key(), problems)) params.add(p);
                else changed = true;
            }
            List<RunTag> tags = new ArrayList<>();
            for (RunTag t : b.tags()) {
                RunTag kept = tag(b.runId(), t, problems);
                if (kept != t) changed = true;
                if (kept != null) tags.add(kept);
            }
            out.add(changed ? new LogBatch(b.runId(), metrics, params, tags) : b);
        }
        return out;
    }

    private boolean keep(String runId, String kind, String key, List<JrunsException> problems) {
        String why = badNames.get(key);
        if (why == null) why = rules.keyProblem(key);
        if (why == null) return true;
        refuse(runId + "/" + kind + "/" + key, kind + " '" + Texts.head(key) + "' of run " + runId
                + " not sent, nor its later values: " + why, null, problems);
        return false;
    }

    /** The tag as it may be sent, a cut copy, or null when refused. */
    RunTag tag(String runId, RunTag t, List<JrunsException> problems) {
        if (!keep(runId, "tag", t.key(), problems)) return null;
        int max = rules.tagValueMax();
        if (t.value().length() <= max) return t; // no more characters than UTF-16 units: nothing to count
        int chars = chars(t.value());
        if (chars <= max) return t;
        String what = "tag '" + Texts.head(t.key()) + "' of run " + runId;
        if (longValues == LongValues.TRUNCATE) {
            warnings.accept("jruns: warning: " + what + " value truncated from " + chars + " to " + max
                    + " characters (the limit of " + rules.describe() + ")");
            return new RunTag(t.key(), t.value().substring(0, t.value().offsetByCodePoints(0, max)));
        }
        refuse(runId + "/tag/" + t.key(), what + " is " + chars + " characters, over the limit of "
                + max + " of " + rules.describe() + ", which would cut it: not sent"
                + " (set JRUNS_TRUNCATE_LONG_VALUES=true to truncate instead)", null, problems);
        return null;
    }

    /** A tag checked for a synchronous call (a new run's tags): cut when so asked, else an error if refused. */
    RunTag checkNow(RunTag t) {
        List<JrunsException> problems = new ArrayList<>();
        String why = rules.keyProblem(t.key());
        if (why != null) throw JrunsException.invalid("tag '" + Texts.head(t.key()) + "': " + why);
        int max = rules.tagValueMax();
        if (t.value().length() <= max || chars(t.value()) <= max) return t;
        if (longValues == LongValues.TRUNCATE) return tag("(new)", t, problems);
        throw JrunsException.invalid("tag '" + Texts.head(t.key()) + "' is " + chars(t.value())
                + " characters, over the limit of " + max + " of " + rules.describe() + ", which would cut it"
                + " (nothing was sent; set JRUNS_TRUNCATE_LONG_VALUES=true to truncate instead)");
    }

    /** Characters as MLflow (Python) counts them: code points, an emoji is one. */
    private static int chars(String s) {
        return s.codePointCount(0, s.length());
    }

    /** The server refused a request holding one value: say so once per key, learn from it. */
    void refusedByServer(SplitRequest only, RestException e, List<JrunsException> problems) {
        rules.learn(e);
        String msg = e.serverMessage() != null ? e.serverMessage() : e.getMessage();
        if (msg.contains(" name: '")) badNames.put(keyName(only), "refused by " + server + " before: " + msg);
        String status = e.serverMessage() == null ? "" // the message already says where and what status
                : " (HTTP " + e.httpStatus() + (e.errorCode() == null ? "" : " " + e.errorCode()) + ")";
        String[] runKindKey = only.keyOfOnly().split("/", 3);
        refuse(only.keyOfOnly(), only.describeOnly() + " of run " + only.runId() + " refused by " + server + ": "
                + msg + status, runKindKey[1] + " '" + Texts.head(runKindKey[2]) + "' of run " + only.runId(), problems);
    }

    /** The server refused a whole request for a reason that is not one value (a deleted run, say). */
    void refusedWhole(String runId, RestException e, List<JrunsException> problems) {
        String msg = e.serverMessage() != null ? e.serverMessage() : e.getMessage();
        refuse(runId + "/*/" + msg, "values of run " + runId + " refused by " + server + ": " + msg,
                "requests of values of run " + runId, problems);
    }

    private static String keyName(SplitRequest only) {
        String k = only.keyOfOnly();
        return k.substring(k.indexOf('/', k.indexOf('/') + 1) + 1);
    }

    /**
     * Says a refusal once per {@code once}; later ones are counted under {@code what} for
     * {@link #sayRepeats}, or, when it is null (a key refused whatever its value), only left out.
     */
    private void refuse(String once, String message, String what, List<JrunsException> problems) {
        if (told.add(once)) {
            warnings.accept("jruns: " + message);
            problems.add(new RefusedValue(message));
        } else if (what != null) {
            repeats.merge(what, 1, Integer::sum);
        }
    }

    /** Says how many more values were refused as ones already said (one line per key), once a request is done with. */
    void sayRepeats(List<JrunsException> problems) {
        for (String what : List.copyOf(repeats.keySet())) {
            Integer n = repeats.remove(what);
            if (n == null) continue;
            String message = n + " more " + (n == 1 ? "value" : "values") + " of " + what
                    + " left out for the same reason as the one said before";
            warnings.accept("jruns: " + message);
            problems.add(new RefusedValue(message));
        }
    }
}
