package io.jruns.snippet;

/** Where a snippet run in JShell (in this JVM) leaves its result for the test to read. */
public final class SnippetResult {
    public static volatile Object value;

    private SnippetResult() {
    }
}
