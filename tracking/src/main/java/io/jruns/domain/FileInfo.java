package io.jruns.domain;

/** An artifact entry, relative to the run's artifact root; size is null for directories. */
public record FileInfo(String path, boolean isDir, Long fileSize) {
}
