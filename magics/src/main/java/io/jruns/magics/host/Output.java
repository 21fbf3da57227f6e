package io.jruns.magics.host;

import io.jruns.views.Rendered;

/** What a magic shows: HTML for notebooks, plain text for consoles and nbconvert's text view. */
public record Output(String html, String text) {

    public static Output text(String text) {
        return new Output(null, text);
    }

    /** A view from the views module, to display. */
    public static Output of(Rendered view) {
        return new Output(view.html(), view.text());
    }
}
