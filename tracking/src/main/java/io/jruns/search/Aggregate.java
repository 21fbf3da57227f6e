package io.jruns.search;

/** Which value of a metric a comparison or an order uses: the latest point, or min/max over the history. */
public enum Aggregate {
    LATEST, MIN, MAX
}
