import io.jruns.ActiveRun;
import io.jruns.Jruns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains a linear model on notebooks/data/houses.csv by gradient descent, once per learning
 * rate, each in its own run with params and per-epoch metrics. Run it with
 * {@code java -cp "$(install/jruns classpath)" examples/Quickstart.java}.
 */
public class Quickstart {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "notebooks/data/houses.csv");
        List<double[]> rows = Files.readAllLines(data).stream().skip(1)
                .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toList();
        int features = rows.get(0).length - 1;
        double[] mean = new double[features], std = new double[features];
        for (int j = 0; j < features; j++) {
            final int c = j;
            mean[j] = rows.stream().mapToDouble(r -> r[c]).average().orElse(0);
            std[j] = Math.sqrt(rows.stream().mapToDouble(r -> Math.pow(r[c] - mean[c], 2)).average().orElse(1));
        }
        int split = rows.size() * 4 / 5;

        Jruns.setExperiment("quickstart");
        for (double lr : new double[]{0.0003, 0.003, 0.03}) {
            try (ActiveRun run = Jruns.startRun("lr-" + java.math.BigDecimal.valueOf(lr).stripTrailingZeros().toPlainString())) {
                int epochs = 30;
                run.logParam("learning_rate", lr).logParam("epochs", epochs).logParam("model", "linear-gd");
                double[] w = new double[features + 1];
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    for (int i = 0; i < split; i++) step(rows.get(i), w, mean, std, lr);
                    run.logMetric("train_rmse", rmse(rows.subList(0, split), w, mean, std), epoch);
                    run.logMetric("val_rmse", rmse(rows.subList(split, rows.size()), w, mean, std), epoch);
                }
                System.out.printf("run %s (%s): val_rmse %.2f%n", run.name(), run.runId(),
                        rmse(rows.subList(split, rows.size()), w, mean, std));
            }
        }
    }

    static double predict(double[] r, double[] w, double[] mean, double[] std) {
        double y = w[w.length - 1];
        for (int j = 0; j < mean.length; j++) y += w[j] * (r[j] - mean[j]) / std[j];
        return y;
    }

    static void step(double[] r, double[] w, double[] mean, double[] std, double lr) {
        double err = predict(r, w, mean, std) - r[r.length - 1];
        for (int j = 0; j < mean.length; j++) w[j] -= lr * err * (r[j] - mean[j]) / std[j];
        w[w.length - 1] -= lr * err;
    }

    static double rmse(List<double[]> rows, double[] w, double[] mean, double[] std) {
        double sum = 0;
        for (double[] r : rows) sum += Math.pow(predict(r, w, mean, std) - r[r.length - 1], 2);
        return Math.sqrt(sum / rows.size());
    }
}
