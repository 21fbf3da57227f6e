package io.jruns.views;

/**
 * A view rendered twice: self-contained HTML for notebooks and web pages, and plain text for
 * consoles and nbconvert's text output. Either may be null when a view has no such form.
 */
public record Rendered(String html, String text) {
}
