package io.jruns.bench;

/**
 * Figures for scale that this harness does not measure: the Python MLflow client logging
 * 10,000 values on this same machine, as measured when the issue was filed.
 */
public final class Reference {
    public static final String TEXT = """
            For scale (reference, not measured here): Python MLflow client on this machine, 10,000 values:
              log_metric, file store     ~2,200 points/s
              log_metric, SQLite store     ~185 points/s
              log_batch                  ~3,300 points/s
            """;

    private Reference() {
    }
}
