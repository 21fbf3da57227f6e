package io.jruns.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code jruns.execute.parameters} tag read back into its {@code NAME=VALUE} values: a tag
 * anyone can set, so it joins the printed {@code jruns execute} command only when it is exactly
 * {@code -p} options as {@code jruns execute} writes them (bare, or single-quoted), each quoted
 * again; anything else (say {@code x; touch f}) would run as a shell command when pasted.
 */
final class ExecuteParameters {
    private static final Pattern OPTION = Pattern.compile("-p ([A-Za-z0-9_=.,:+/@%-]+|'((?:[^']|'\\\\'')*)')(?: |$)");

    private ExecuteParameters() {
    }

    /** The values, in order; empty when the tag is not such options. */
    static Optional<List<String>> parse(String tag) {
        List<String> values = new ArrayList<>();
        Matcher m = OPTION.matcher(tag);
        int at = 0;
        while (at < tag.length()) {
            if (!m.find(at) || m.start() != at) return Optional.empty();
            values.add(m.group(2) != null ? m.group(2).replace("'\\''", "'") : m.group(1));
            at = m.end();
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(values);
    }

    /** The values as options for a POSIX shell. */
    static String options(List<String> values) {
        return String.join(" ", values.stream().map(v -> "-p " + ProgramReproducer.quote(v)).toList());
    }
}
