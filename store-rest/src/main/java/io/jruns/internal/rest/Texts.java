package io.jruns.internal.rest;

/** Small text helpers for messages. */
final class Texts {
    private Texts() {
    }

    /** At most 60 characters of {@code s}, for naming a key or value in a one-line message. */
    static String head(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** "1 log request", "3 log requests". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
