package io.jruns.model;

import tech.tablesaw.api.Table;

/**
 * The small contract a model implements to be logged and served by jruns: a tablesaw
 * {@code Table} in (one row per example, the signature's columns), one prediction per row out,
 * as a {@code Table} (several outputs) or a tablesaw {@code Column}. Implement
 * {@link java.io.Serializable} too, and jruns saves it with Java serialization; or supply a
 * {@link ModelFlavor} for another format.
 */
@FunctionalInterface
public interface Predictor {
    /** @return a {@code tech.tablesaw.api.Table} or a {@code tech.tablesaw.columns.Column} with one value per input row */
    Object predict(Table input);
}
