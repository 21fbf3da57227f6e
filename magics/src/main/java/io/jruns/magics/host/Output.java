package io.jruns.magics.host;

/** What a magic shows: HTML for notebooks, plain text for consoles and nbconvert's text view. */
public record Output(String html, String text) {

    public static Output text(String text) {
        return new Output(null, text);
    }
}
