package io.jruns.store;

import io.jruns.domain.RunStatus;

/** A run's end waiting to be written with the values logged before it: its status and end time. */
public record RunEnd(String runId, RunStatus status, long endTime) {
}
