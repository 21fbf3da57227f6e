package io.jruns.model;

import io.jruns.domain.JrunsException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Turns a loaded model into a {@link Predictor}: itself when it is one; otherwise a model with
 * a public {@code predict(double[])} returning a number (Smile's {@code Classifier<double[]>}
 * and {@code Regression<double[]>}, many hand-written models) is called row by row on the
 * numeric input columns, in signature order.
 */
public final class Predictors {
    private Predictors() {
    }

    public static Predictor adapt(Object model) {
        if (model instanceof Predictor p) return p;
        Method m = rowMethod(model.getClass());
        if (m == null) {
            throw JrunsException.invalid("cannot predict with a " + model.getClass().getName() + ": it is not an "
                    + "io.jruns.model.Predictor and has no public predict(double[]) returning a number");
        }
        return input -> predictRows(model, m, input);
    }

    static Method rowMethod(Class<?> type) {
        for (Method m : type.getMethods()) {
            if (!m.getName().equals("predict") || m.getParameterCount() != 1 || Modifier.isStatic(m.getModifiers())) continue;
            Class<?> p = m.getParameterTypes()[0];
            Class<?> r = m.getReturnType();
            boolean numeric = r == double.class || r == int.class || r == float.class || r == long.class
                    || Number.class.isAssignableFrom(r);
            if (p.isAssignableFrom(double[].class) && numeric) return m;
        }
        return null;
    }

    private static Column<?> predictRows(Object model, Method m, Table input) {
        for (Column<?> c : input.columns()) {
            if (!(c instanceof NumericColumn<?>)) {
                throw JrunsException.invalid("column '" + c.name() + "' is " + c.type().name() + ": "
                        + model.getClass().getSimpleName() + ".predict(double[]) takes numbers only");
            }
        }
        boolean ints = m.getReturnType() == int.class || m.getReturnType() == Integer.class;
        Column<?> out = ints ? IntColumn.create("prediction") : DoubleColumn.create("prediction");
        double[] row = new double[input.columnCount()];
        for (int r = 0; r < input.rowCount(); r++) {
            for (int c = 0; c < row.length; c++) row[c] = ((NumericColumn<?>) input.column(c)).getDouble(r);
            Number v = call(model, m, row.clone());
            if (out instanceof IntColumn ic) ic.append(v.intValue());
            else ((DoubleColumn) out).append(v.doubleValue());
        }
        return out;
    }

    private static Number call(Object model, Method m, double[] row) {
        try {
            m.trySetAccessible();
            return (Number) m.invoke(model, (Object) row);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "predict failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw JrunsException.invalid("cannot call " + m + ": " + e.getMessage());
        }
    }
}
