package io.jruns.model;

import io.jruns.domain.JrunsException;

import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Optional;

/**
 * A model loaded back from a run (the analogue of MLflow's {@code PyFuncModel}):
 * {@link #predict} shapes the input to the signature and returns a table of predictions.
 */
public final class LoadedModel {
    private final String uri;
    private final MlModel mlModel;
    private final Object model;
    private final ModelFlavor flavor;
    private volatile Predictor predictor;
    private final Table inputExample;
    private final Requirements requirements;

    LoadedModel(String uri, MlModel mlModel, Object model, ModelFlavor flavor, Table inputExample, Requirements requirements) {
        this.uri = uri;
        this.mlModel = mlModel;
        this.model = model;
        this.flavor = flavor;
        this.inputExample = inputExample;
        this.requirements = requirements;
    }

    /**
     * Predictions for each row: the input's columns are chosen and ordered by the signature
     * (extra columns dropped, numbers widened); the result is a table even when the model gives a column.
     */
    public Table predict(Table input) {
        if (input == null) throw JrunsException.invalid("predict needs a table of inputs, got null");
        Table shaped = mlModel.signature() == null ? input : InputConformer.conform(input, mlModel.signature().inputs());
        Predictor p = predictor;
        if (p == null) predictor = p = flavor.predictor(model); // the model itself loads even when nothing can predict with it
        return Predictions.asTable(p.predict(shaped), shaped.rowCount(), model.getClass().getSimpleName());
    }

    /**
     * The prediction for one row, given as values in the signature's input order (numbers,
     * booleans, strings, date-times): the first output column's value. For per-row callers
     * such as a Spark UDF; prefer {@link #predict} for many rows.
     */
    public Object predictRow(Object... values) {
        List<ColumnSpec> inputs = mlModel.signature() == null ? List.of() : mlModel.signature().inputs();
        Table out = predict(RowTable.of(inputs, values));
        return out.column(0).isMissing(0) ? null : out.column(0).get(0);
    }

    public String uri() {
        return uri;
    }

    /** The MLmodel descriptor. */
    public MlModel info() {
        return mlModel;
    }

    /** The model object itself. */
    public Object unwrap() {
        return model;
    }

    public Optional<Table> inputExample() {
        return Optional.ofNullable(inputExample);
    }

    public Requirements requirements() {
        return requirements;
    }

    @Override
    public String toString() {
        return "LoadedModel[" + uri + ", " + model.getClass().getName() + "]";
    }
}
