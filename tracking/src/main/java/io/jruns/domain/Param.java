package io.jruns.domain;

/** A run parameter: immutable once logged. */
public record Param(String key, String value) {
}
