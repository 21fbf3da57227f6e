package io.jruns.snippet;

import io.jruns.model.ColumnSpec;


import java.util.List;

/**
 * Ready-to-run prediction code for one logged model: on a tablesaw Table read from CSV, and on
 * a Spark {@code Dataset<Row>} through a UDF. Each starts with the {@code %maven} line (when
 * the model needs libraries) that a notebook runs first.
 */
public record Snippets(String modelUri, List<ColumnSpec> inputs, List<ColumnSpec> outputs, String tablesaw, String spark) {
    public Snippets {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
