package io.jruns.model;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small real models for the tests: each computes its predictions, none returns canned answers. */
public final class TestModels {
    private TestModels() {
    }

    /** y = bias + sum(weight * column), plus a per-city offset: a Predictor, saved by serialization. */
    public static final class Linear implements Predictor, Serializable {
        private static final long serialVersionUID = 1L;
        private final LinkedHashMap<String, Double> weights;
        private final double bias;
        private final Map<String, Double> cityOffsets;

        public Linear(Map<String, Double> weights, double bias, Map<String, Double> cityOffsets) {
            this.weights = new LinkedHashMap<>(weights);
            this.bias = bias;
            this.cityOffsets = new LinkedHashMap<>(cityOffsets);
        }

        @Override
        public Object predict(Table input) {
            DoubleColumn out = DoubleColumn.create("price");
            for (int r = 0; r < input.rowCount(); r++) {
                double y = bias;
                for (Map.Entry<String, Double> w : weights.entrySet()) {
                    y += w.getValue() * ((NumericColumn<?>) input.column(w.getKey())).getDouble(r);
                }
                if (input.containsColumn("city")) y += cityOffsets.getOrDefault(((StringColumn) input.column("city")).get(r), 0.0);
                out.append(y);
            }
            return out;
        }
    }

    /** Not a Predictor: a plain class with predict(double[]), as many libraries' models are. */
    public static final class RowModel implements Serializable {
        private static final long serialVersionUID = 1L;
        private final double[] w;

        public RowModel(double... w) {
            this.w = w.clone();
        }

        public double predict(double[] x) {
            double y = 0;
            for (int i = 0; i < x.length; i++) y += w[i] * x[i];
            return y;
        }
    }

    /** Neither serializable nor adaptable: logging it must fail clearly. */
    public static final class Opaque implements Predictor {
        @Override
        public Object predict(Table input) {
            return input.column(0);
        }
    }

    /** Not serializable; its own flavor saves it as text. */
    public static final class Scale implements Predictor {
        final double factor;

        public Scale(double factor) {
            this.factor = factor;
        }

        @Override
        public Object predict(Table input) {
            return ((NumericColumn<?>) input.column(0)).asDoubleColumn().multiply(factor).setName("scaled");
        }
    }

    /** The adapter SPI at work: a flavor for {@link Scale} writing a one-line text file. */
    public static final class ScaleFlavor implements ModelFlavor {
        @Override
        public String name() {
            return "scale_text";
        }

        @Override
        public boolean supports(Object model) {
            return model instanceof Scale;
        }

        @Override
        public Map<String, String> save(Object model, Path dir) throws IOException {
            Files.writeString(dir.resolve("factor.txt"), Double.toString(((Scale) model).factor));
            return Map.of("data", "factor.txt");
        }

        @Override
        public Object load(Path dir, Map<String, String> attributes, ClassLoader loader) throws IOException {
            return new Scale(Double.parseDouble(Files.readString(dir.resolve(attributes.get("data"))).strip()));
        }
    }
}
