package io.jruns.domain;

/** A run tag: editable and deletable at any time. */
public record RunTag(String key, String value) {
}
