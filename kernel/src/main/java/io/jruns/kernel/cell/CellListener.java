package io.jruns.kernel.cell;

/**
 * Called around every executed cell, on the kernel's shell thread. {@code afterCell} runs
 * whether the cell succeeded or failed (the place for {@code Jruns.flush()}); an exception it
 * throws fails a cell that had succeeded, and is attached as suppressed to one that had failed.
 */
public interface CellListener {
    default void beforeCell(CellContext cell) throws Exception {
    }

    /** @param failure what made the cell fail, or null when it succeeded */
    default void afterCell(CellContext cell, Throwable failure) throws Exception {
    }
}
