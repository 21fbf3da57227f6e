package io.jruns.internal.rest;

/** What one MLflow log-batch request may hold (the server refuses more; 18-log-batch-too-many). */
record LogLimits(int metrics, int params, int tags, int entities, int bytes) {
    /** MLflow's limits; the body limit keeps a little room below 1 MB for the envelope. */
    static final LogLimits MLFLOW = new LogLimits(1000, 100, 100, 1000, 1_000_000 - 512);
}
