package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;
import io.jruns.json.RestJson;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Requests the server did not take while the spool cannot be written (a JRUNS_HOME under a
 * file, a full or read-only disk): held in this process, in order, and sent with the next
 * requests. It is said once, as what it is: not saved, lost if the process ends first; and at
 * the end (closing, or the JVM exiting) that it is lost, with the requests and runs named.
 */
final class Unspooled {
    private final List<byte[]> held = new ArrayList<>();
    /** Whether the holding was reported (while running): said again only when it is lost. */
    private boolean said;
    private String why;

    boolean isEmpty() {
        return held.isEmpty();
    }

    /** Takes every held request out, oldest first, to send or spool them ahead of newer ones. */
    List<byte[]> takeAll() {
        List<byte[]> out = new ArrayList<>(held);
        held.clear();
        return out;
    }

    /** Keeps requests the spool could not take ({@code failure} says why). */
    void hold(List<byte[]> bodies, JrunsException failure) {
        held.addAll(bodies);
        Throwable cause = failure.getCause();
        why = cause != null && cause.getMessage() != null ? cause.getMessage() : failure.getMessage();
    }

    /** The spool or the server took everything: whether some of it had been reported as not saved. */
    boolean gone() {
        boolean was = said;
        said = false;
        return was;
    }

    /** What earlier values wait on, for a call that must come after them. */
    String where(Path spool) {
        return "memory (the spool " + spool + " cannot be written: " + why + ")";
    }

    /**
     * One line (without the "jruns: " of warnings) about the held requests, or null when there
     * is nothing to say: while running, once, that they and what follows are held in this
     * process only; at the {@code end}, that they are lost (and they are let go).
     */
    JrunsException report(RestConfig config, Path spool, String lastFailure, boolean end) {
        if (held.isEmpty() || (said && !end)) return null;
        boolean one = held.size() == 1;
        String server = config.displayName();
        String what = held.size() + " log request" + (one ? "" : "s") + " for " + server + " (" + runs(held) + ")"
                + (one ? " is" : " are");
        String cause = "the spool " + spool + " cannot be written (" + why + "), and the server did not take "
                + (one ? "it" : "them") + (lastFailure == null ? "" : " (" + lastFailure + ")");
        if (end) {
            held.clear();
            said = false;
            return new JrunsException(JrunsException.Code.INTERNAL_ERROR, what + " lost: " + cause);
        }
        said = true;
        return new JrunsException(JrunsException.Code.INTERNAL_ERROR, what + " not saved: " + cause + "; "
                + (one ? "it" : "they") + " and what is logged after are held in this process only, lost if it ends before "
                + server + " answers");
    }

    /** "values of runs a, b; the end of run a": what the requests carry. */
    private static String runs(List<byte[]> bodies) {
        Set<String> values = new LinkedHashSet<>();
        Set<String> ends = new LinkedHashSet<>();
        Set<String> renamed = new LinkedHashSet<>();
        for (byte[] b : bodies) {
            String line = new String(b, StandardCharsets.UTF_8);
            int json = line.indexOf('{');
            String run;
            try {
                run = RestJson.parse(line.substring(Math.max(0, json))).path("run_id").asText("?");
            } catch (JrunsException e) {
                run = "?";
            }
            (json <= 0 ? values : line.contains("\"status\"") ? ends : renamed).add(run);
        }
        List<String> parts = new ArrayList<>();
        if (!values.isEmpty()) parts.add("values of " + names(values));
        if (!ends.isEmpty()) parts.add("the end of " + names(ends));
        if (!renamed.isEmpty()) parts.add("the new name of " + names(renamed));
        return String.join("; ", parts);
    }

    private static String names(Set<String> runs) {
        List<String> ids = new ArrayList<>(runs);
        String shown = String.join(", ", ids.subList(0, Math.min(5, ids.size())));
        return (ids.size() == 1 ? "run " : "runs ") + shown + (ids.size() > 5 ? " and " + (ids.size() - 5) + " more" : "");
    }
}
