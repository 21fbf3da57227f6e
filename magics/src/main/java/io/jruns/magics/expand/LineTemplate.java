package io.jruns.magics.expand;

import io.jruns.domain.JrunsException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A magic's line with its {@code $name} and {@code {expression}} parts taken out, as IPython
 * reads them: {@code $$}, {@code {{} and {@code }}} are a literal {@code $}, <code>{</code> and
 * <code>}</code>. Each part is a {@link #mark} in {@link #text}, so the line can be split into
 * words before the values, which may hold blanks and quotes, are put back.
 *
 * @param text  the line, each part replaced by its mark
 * @param holes the parts, in order; hole {@code i} is {@code mark(i)} in the text
 */
public record LineTemplate(String text, List<Hole> holes) {
    /** A part of the line whose value is filled in; {@code column} counts from 1. */
    public record Hole(Kind kind, String source, int column) {
        public enum Kind { VARIABLE, EXPRESSION }
    }

    /** Private-use characters: no one types them in a magic's line, and the splitter keeps them. */
    static final char OPEN = '\uE000';
    static final char CLOSE = '\uE001';

    public LineTemplate {
        holes = List.copyOf(holes);
    }

    static String mark(int i) {
        return OPEN + Integer.toString(i) + CLOSE;
    }

    /** @throws JrunsException a brace without its pair, or braces with no expression */
    public static LineTemplate parse(String line) {
        StringBuilder text = new StringBuilder();
        List<Hole> holes = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
            if ((c == '$' || c == '{' || c == '}') && next == c) {
                text.append(c);
                i += 2;
            } else if (c == '$' && isNameStart(next)) {
                int end = i + 1;
                while (end < line.length() && isNamePart(line.charAt(end))) end++;
                text.append(mark(holes.size()));
                holes.add(new Hole(Hole.Kind.VARIABLE, line.substring(i + 1, end), i + 1));
                i = end;
            } else if (c == '{') {
                int end = closing(line, i);
                String expression = line.substring(i + 1, end);
                if (expression.isBlank()) {
                    throw JrunsException.invalid("{} at column " + (i + 1) + " holds no expression (a literal { is {{)");
                }
                text.append(mark(holes.size()));
                holes.add(new Hole(Hole.Kind.EXPRESSION, expression.strip(), i + 1));
                i = end + 1;
            } else if (c == '}') {
                throw JrunsException.invalid("'}' at column " + (i + 1) + " closes no '{' (a literal } is }})");
            } else {
                text.append(c);
                i++;
            }
        }
        return new LineTemplate(text.toString(), holes);
    }

    /** Index of the '}' closing the '{' at {@code open}: brackets nest, and strings and chars may hold any. */
    private static int closing(String line, int open) {
        Deque<Character> closers = new ArrayDeque<>();
        closers.push('}');
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(line, i);
                if (i < 0) break;
            } else if (c == '(' || c == '[' || c == '{') {
                closers.push(c == '(' ? ')' : c == '[' ? ']' : '}');
            } else if (c == ')' || c == ']' || c == '}') {
                char expected = closers.pop();
                if (c != expected) {
                    throw JrunsException.invalid("'" + c + "' at column " + (i + 1) + " in the expression opened at column "
                            + (open + 1) + " closes nothing there (expected '" + expected + "')");
                }
                if (closers.isEmpty()) return i;
            }
        }
        throw JrunsException.invalid("'{' at column " + (open + 1) + " is not closed (a literal { is {{)");
    }

    /** Index of the quote ending the Java string or char literal starting at {@code start}, or -1. */
    private static int endOfLiteral(String line, int start) {
        char quote = line.charAt(start);
        for (int i = start + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') i++;
            else if (c == quote) return i;
        }
        return -1;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
