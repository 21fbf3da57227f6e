package io.jruns.internal.ui.api;

import io.jruns.domain.Experiment;
import io.jruns.domain.JrunsException;
import io.jruns.search.Like;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * experiments/search's filter and order, as MLflow takes them: clauses joined by AND on
 * {@code name} (= != LIKE ILIKE), {@code creation_time} and {@code last_update_time} (numeric
 * comparisons) and {@code tags.KEY} (= != LIKE ILIKE); order by name, experiment_id,
 * creation_time or last_update_time, ASC or DESC (default: newest first).
 */
record ExperimentFilter(List<Predicate<Experiment>> clauses) {
    private static final String QUOTED = "'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern TEXT = Pattern.compile("(?i)(?:attributes?\\.|attr\\.)?(name|tags?\\.(?:`([^`]+)`|\"([^\"]+)\"|([\\w.\\-/ :]+?)))"
            + "\\s*(=|!=|LIKE|ILIKE)\\s*(?:" + QUOTED + ")");
    private static final Pattern TIME = Pattern.compile("(?i)(?:attributes?\\.|attr\\.)?(creation_time|last_update_time)"
            + "\\s*(=|!=|<=|>=|<|>)\\s*(-?\\d+)");
    private static final Pattern AND = Pattern.compile("(?i)\\s+AND\\s+");

    static ExperimentFilter parse(String filter) {
        List<Predicate<Experiment>> out = new ArrayList<>();
        if (filter == null || filter.isBlank()) return new ExperimentFilter(out);
        for (String clause : splitAnd(filter.trim())) {
            Matcher t = TEXT.matcher(clause.trim());
            Matcher n = TIME.matcher(clause.trim());
            if (t.matches()) out.add(text(t));
            else if (n.matches()) out.add(time(n));
            else throw JrunsException.invalid("Invalid experiment filter clause '" + clause.trim() + "': expected name, tags.KEY,"
                    + " creation_time or last_update_time compared with a value, clauses joined by AND");
        }
        return new ExperimentFilter(out);
    }

    boolean matches(Experiment e) {
        return clauses.stream().allMatch(c -> c.test(e));
    }

    private static Predicate<Experiment> text(Matcher m) {
        boolean isName = m.group(1).equalsIgnoreCase("name");
        String key = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        String op = m.group(5).toUpperCase(Locale.ROOT);
        String value = (m.group(6) != null ? m.group(6) : m.group(7)).replaceAll("\\\\(.)", "$1");
        return e -> {
            String v = isName ? e.name() : e.tags().get(key);
            if (v == null) return false;
            return switch (op) {
                case "=" -> v.equals(value);
                case "!=" -> !v.equals(value);
                case "LIKE" -> Like.matches(v, value, false);
                default -> Like.matches(v, value, true);
            };
        };
    }

    private static Predicate<Experiment> time(Matcher m) {
        boolean created = m.group(1).equalsIgnoreCase("creation_time");
        String op = m.group(2);
        long value = Long.parseLong(m.group(3));
        return e -> {
            int c = Long.compare(created ? e.creationTime() : e.lastUpdateTime(), value);
            return switch (op) {
                case "=" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        };
    }

    /** Splits on AND outside quotes and backticks; OR is not MLflow's filter language. */
    private static List<String> splitAnd(String s) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                if (ch == '\\' && i + 1 < s.length()) cur.append(ch).append(s.charAt(++i));
                else {
                    if (ch == quote) quote = 0;
                    cur.append(ch);
                }
                continue;
            }
            if (ch == '\'' || ch == '"' || ch == '`') quote = ch;
            Matcher and = AND.matcher(s).region(i, s.length());
            if (Character.isWhitespace(ch) && and.lookingAt()) {
                parts.add(cur.toString());
                cur.setLength(0);
                i = and.end() - 1;
                continue;
            }
            cur.append(ch);
        }
        parts.add(cur.toString());
        return parts;
    }

    /** The order of experiments/search's {@code order_by} keys; experiment_id breaks ties. */
    static Comparator<Experiment> order(List<String> orderBy) {
        List<String> keys = orderBy.isEmpty() ? List.of("creation_time DESC") : orderBy;
        Comparator<Experiment> c = null;
        for (String k : keys) {
            String[] p = k.trim().split("\\s+");
            if (p.length > 2 || (p.length == 2 && !p[1].matches("(?i)ASC|DESC"))) throw badOrder(k);
            Comparator<Experiment> one = switch (p[0].replaceFirst("(?i)^(attributes?|attr)\\.", "").toLowerCase(Locale.ROOT)) {
                case "name" -> Comparator.comparing(Experiment::name);
                case "experiment_id" -> Comparator.comparingLong(x -> Long.parseLong(x.experimentId()));
                case "creation_time" -> Comparator.comparingLong(Experiment::creationTime);
                case "last_update_time" -> Comparator.comparingLong(Experiment::lastUpdateTime);
                default -> throw badOrder(k);
            };
            if (p.length == 2 && p[1].equalsIgnoreCase("DESC")) one = one.reversed();
            c = c == null ? one : c.thenComparing(one);
        }
        return c.thenComparingLong(x -> Long.parseLong(x.experimentId()));
    }

    private static JrunsException badOrder(String k) {
        return JrunsException.invalid("Invalid order_by clause '" + k + "': expected name, experiment_id, creation_time"
                + " or last_update_time, then ASC or DESC");
    }
}
