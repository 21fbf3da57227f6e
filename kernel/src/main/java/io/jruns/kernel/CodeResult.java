package io.jruns.kernel;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * What running a piece of cell code gave.
 *
 * @param result   the rendered value to show as the cell's result, or null
 * @param value    the last expression's (or last line magic's) value as an object; null when none
 * @param hasValue whether the code ended with an expression or a magic that returned something
 * @param assigned variables declared or assigned at top level, in order (may repeat)
 */
public record CodeResult(DisplayData result, Object value, boolean hasValue, List<String> assigned) {
    public CodeResult {
        assigned = List.copyOf(assigned);
    }
}
