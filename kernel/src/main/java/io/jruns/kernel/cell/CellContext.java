package io.jruns.kernel.cell;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The cell being executed: its number, its code and the execute_request's metadata.
 *
 * @param executionCount Jupyter's execution count ({@code In [n]})
 * @param cellId         JupyterLab's {@code cellId} from the request metadata, or null
 *                       (nbclient and the classic notebook send none)
 * @param metadata       the execute_request's metadata as sent by the frontend
 * @param code           the cell's source
 */
public record CellContext(int executionCount, String cellId, Map<String, Object> metadata, String code) {
    public CellContext {
        // JSON metadata may hold nulls, which Map.copyOf rejects
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Reads JupyterLab's {@code cellId} (if any) from an execute_request's metadata. */
    public static CellContext of(int executionCount, Map<String, Object> metadata, String code) {
        Object id = metadata == null ? null : metadata.get("cellId");
        return new CellContext(executionCount, id == null ? null : id.toString(), metadata, code);
    }

    public Optional<String> cellIdIfAny() {
        return Optional.ofNullable(cellId);
    }

    /** How errors name this cell, like IPython's {@code In [3]}. */
    public String label() {
        return "cell [" + executionCount + "]";
    }
}
