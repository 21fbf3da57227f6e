package io.jruns.magics.host;

import java.util.Optional;

/**
 * What a magic needs from the kernel it runs in. Our kernel implements it directly; on a
 * stock JJava kernel the extension adapts BaseKernel to it.
 */
public interface MagicHost {
    /** Publishes output under the current cell. */
    void display(Output output);

    /** Shows a value the way the kernel shows a cell's result (rich where it can be). */
    default void displayValue(Object value) {
        display(Output.text(String.valueOf(value)));
    }

    /** Runs code as the notebook would, returning its value (null when none). */
    Object eval(String code) throws Exception;

    /**
     * The value of one Java expression in the notebook's state ({@code {expression}} in a
     * magic's line); fails as {@link #eval} does when it does not compile or throws.
     */
    default Object evaluate(String expression) throws Exception {
        return eval("(Object) (" + expression + ")");
    }

    /** One line saying why code this host ran ({@link #eval}) failed, for an error that names the code. */
    default String failureLine(Throwable failure) {
        String message = failure.getMessage();
        String first = message == null ? "" : message.strip().lines().findFirst().orElse("");
        return failure.getClass().getSimpleName() + (first.isEmpty() ? "" : ": " + first);
    }

    /** The notebook file this kernel runs, when known. */
    Optional<java.nio.file.Path> notebookPath();

    /**
     * The current values of these notebook variables; names that are not variables are
     * left out. Evaluates them together, falling back to one by one when one fails.
     */
    default java.util.Map<String, Object> values(java.util.List<String> names) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        if (names.isEmpty()) return out;
        StringBuilder all = new StringBuilder("new Object[]{");
        for (int i = 0; i < names.size(); i++) all.append(i == 0 ? "" : ", ").append("(Object) ").append(names.get(i));
        try {
            Object[] values = (Object[]) eval(all.append("}").toString());
            for (int i = 0; i < names.size(); i++) out.put(names.get(i), values[i]);
            return out;
        } catch (Exception oneIsNotAVariable) {
            for (String name : names) {
                try {
                    out.put(name, eval("(Object) " + name));
                } catch (Exception notAVariable) {
                    // a local of a loop or method, not a notebook variable: nothing to log
                }
            }
            return out;
        }
    }

    /** Whether code this host ran ({@link #eval}) failed because the user interrupted the cell. */
    default boolean interrupted(Throwable failure) {
        return Interrupts.recognized(failure);
    }

    /** Whether code this host ran ({@link #eval}) failed to compile, so none of its failing part ran. */
    default boolean didNotCompile(Throwable failure) {
        return false;
    }

    /** JupyterLab's id of the cell being executed, when the front end sent one. */
    default Optional<String> cellId() {
        return Optional.empty();
    }
}
