package io.jruns.kernel.display;

import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Functions every cell can call unqualified ({@code import static} at kernel start):
 * {@code display(x)} shows a value now, {@code updateDisplay(id, x)} replaces it later.
 * A cell that ends with {@code display(x)} shows x once, not also the returned id.
 */
public final class NotebookFunctions {
    private NotebookFunctions() {
    }

    /** Shows {@code value} as rich output now; returns its display id for {@link #updateDisplay}. */
    public static String display(Object value) {
        return NotebookDisplay.current().showValue(value, null);
    }

    /** Shows {@code value} rendered as the given MIME types (e.g. {@code "text/html"}). */
    public static String display(Object value, String... mimeTypes) {
        return NotebookDisplay.current().showValue(value, mimeTypes);
    }

    /** Replaces the output shown under {@code displayId} with {@code value}. */
    public static void updateDisplay(String displayId, Object value) {
        NotebookDisplay.current().update(displayId, value);
    }

    /** The rich representation the kernel would show for {@code value}. */
    public static DisplayData render(Object value) {
        return NotebookDisplay.current().render(value);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
