package io.jruns.search;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed filter. Every comparison is true or false for a run (a missing key makes it
 * false), so NOT is plain negation: NOT (params.a = 'x') also matches runs without param a.
 */
public sealed interface Expr {

    /** The expression in canonical filter syntax; parsing it gives an equal expression. */
    String render();

    record And(List<Expr> terms) implements Expr {
        public And {
            terms = List.copyOf(terms);
        }

        public String render() {
            return terms.stream().map(Expr::renderOperand).collect(Collectors.joining(" AND "));
        }
    }

    record Or(List<Expr> terms) implements Expr {
        public Or {
            terms = List.copyOf(terms);
        }

        public String render() {
            return terms.stream().map(Expr::renderOperand).collect(Collectors.joining(" OR "));
        }
    }

    record Not(Expr term) implements Expr {
        public String render() {
            return "NOT " + renderOperand(term);
        }
    }

    /** A metric or numeric attribute against a number. */
    record NumberTest(Field field, NumberOp op, NumberLiteral value) implements Expr {
        public String render() {
            return field.render() + " " + op.symbol() + " " + value.text();
        }
    }

    /** A param, tag or string attribute against one string, or a list for IN / NOT IN. */
    record TextTest(Field field, TextOp op, List<String> values) implements Expr {
        public TextTest {
            values = List.copyOf(values);
        }

        public String render() {
            if (!op.takesList()) return field.render() + " " + op.symbol() + " " + Quoting.string(values.get(0));
            return field.render() + " " + op.symbol() + " ("
                    + values.stream().map(Quoting::string).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** Whether the run has the param, tag or metric at all: {@code IS NOT NULL} ({@code present}) or {@code IS NULL}. */
    record Presence(Field field, boolean present) implements Expr {
        public String render() {
            return field.render() + (present ? " IS NOT NULL" : " IS NULL");
        }
    }

    /** Whether the run has a logged model (tag {@code mlflow.log-model.history} present). */
    record ModelTest(boolean present) implements Expr {
        public String render() {
            return "attributes.has_model = " + present;
        }
    }

    /** Compound operands go in parentheses, so rendering never depends on precedence. */
    private static String renderOperand(Expr e) {
        return e instanceof And || e instanceof Or || e instanceof Not ? "(" + e.render() + ")" : e.render();
    }
}
