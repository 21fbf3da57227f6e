package io.jruns.domain;

/**
 * A run's fixed facts and state. {@code endTime} and {@code deletedTime} are null until the
 * run ends or is deleted.
 */
public record RunInfo(
        String runId,
        String experimentId,
        String runName,
        String userId,
        RunStatus status,
        long startTime,
        Long endTime,
        LifecycleStage lifecycleStage,
        Long deletedTime,
        String artifactUri) {
}
