package io.jruns.search;

import io.jruns.domain.TextWidth;

import io.jruns.domain.JrunsException;

/**
 * A filter or order that does not parse: one line naming what is wrong and the 1-based
 * column, plus {@link #caretDisplay()} for showing it under the expression.
 */
public final class FilterException extends JrunsException {
    private final String expression;
    private final int column;
    private final String problem;

    FilterException(String expression, int column, String problem) {
        this(expression, column, problem, null);
    }

    private FilterException(String expression, int column, String problem, String advice) {
        super(Code.INVALID_PARAMETER_VALUE, problem + " (column " + column + ")" + (advice == null ? "" : "; " + advice));
        this.expression = expression;
        this.column = column;
        this.problem = problem;
    }

    /** The same error with advice after the column, for a caller that knows how the filter was typed. */
    public FilterException withAdvice(String advice) {
        return new FilterException(expression, column, problem, advice);
    }

    /**
     * The same error led by what was wrong as the user typed it ({@code %runs: the filter "DESC"
     * does not parse: }), with advice after the column: for a caller that read the words.
     */
    public FilterException withLead(String lead, String advice) {
        return new FilterException(expression, column, lead + problem, advice);
    }

    /** The text that was parsed. */
    public String expression() {
        return expression;
    }

    /** 1-based, counted in characters (code points); one past the end for "unexpected end". */
    public int column() {
        return column;
    }

    /** What is wrong, without the column. */
    public String problem() {
        return problem;
    }

    /**
     * Three lines: the expression (line breaks shown as spaces), a caret under the column,
     * and the message. Tabs before the column are kept so the caret lines up.
     */
    public String caretDisplay() {
        String shown = expression.replace('\r', ' ').replace('\n', ' ');
        StringBuilder pad = new StringBuilder();
        int[] cps = shown.codePoints().toArray();
        for (int i = 0; i < column - 1 && i < cps.length; i++) {
            if (cps[i] == '\t') pad.append('\t');
            else pad.append(" ".repeat(TextWidth.cells(cps[i]))); // a wide character takes two cells
        }
        return shown + "\n" + pad + "^\n" + getMessage();
    }
}
