package io.jruns.reproduce;

import java.util.Objects;

/**
 * A library a run's code had: Maven coordinates (what {@code %maven} resolved, or what a jar's
 * {@code pom.properties} says), or a jar file with its SHA-256 (what {@code %jars} added).
 *
 * @param coordinates {@code group:artifact[:extension[:classifier]]:version}; null for a plain jar
 * @param path        the jar file; null for Maven coordinates
 * @param sha256      the jar's SHA-256 (hex); null for Maven coordinates
 * @param origin      how it was added, e.g. {@code %jars lib/*.jar}; may be null
 */
public record Library(String coordinates, String path, String sha256, String origin) {

    public Library {
        if ((coordinates == null) == (path == null)) {
            throw new IllegalArgumentException("a library is either Maven coordinates or a jar path");
        }
    }

    public static Library maven(String coordinates) {
        return new Library(Objects.requireNonNull(coordinates), null, null, null);
    }

    public static Library jar(String path, String sha256, String origin) {
        return new Library(null, Objects.requireNonNull(path), sha256, origin);
    }

    public boolean isMaven() {
        return coordinates != null;
    }

    /** Coordinates, or the jar's path. */
    public String label() {
        return isMaven() ? coordinates : path;
    }
}
