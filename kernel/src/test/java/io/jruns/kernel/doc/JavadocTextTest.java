package io.jruns.kernel.doc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Doc comments as JShell returns them (one leading blank per line, HTML, tags) read as plain text. */
class JavadocTextTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // raw (\n is a new line)                                                  | detail | text (\n is a new line)
            "Returns the greater of two {@code int} values. That is, the\\n result is {@link Integer#MAX_VALUE}. | false | Returns the greater of two int values. That is, the result is Integer.MAX_VALUE.",
            "Formats.\\n\\n <p> The locale is {@link\\n java.util.Locale#getDefault(java.util.Locale.Category)\\n Locale.getDefault(Locale.Category)}. | true | Formats.\\n\\nThe locale is Locale.getDefault(Locale.Category).",
            "First.<p>Second. | false | First.",
            "A {@code List<String>} &amp; a {@literal <b>}, <b>bold</b>, <a href=\"x.html\">link</a>. | false | A List<String> & a <b>, bold, link.",
            "Example:\\n <pre>{@code\\n Jruns.run(\"a\", run -> {\\n     x();\\n });\\n }</pre>\\n After. | true | Example:\\n\\nJruns.run(\"a\", run -> {\\n    x();\\n});\\n\\nAfter.",
            "<ul><li>one</li><li>two</li></ul> | true | - one\\n- two",
            "Max.\\n\\n @param   a   an argument.\\n @param   b   another\\n    argument.\\n @return  the larger of {@code a} and {@code b}.\\n @since 1.0\\n @implNote hidden | true | Max.\\n\\nParameters:\\n  a - an argument.\\n  b - another argument.\\n\\nReturns:\\n  the larger of a and b.\\n\\nSince:\\n  1.0",
            "Max.\\n @param a an argument. | false | Max.",
            "Reads it.\\n @throws IOException when {@linkplain java.io.File the file} is gone | true | Reads it.\\n\\nThrows:\\n  IOException - when the file is gone",
            "{@inheritDoc} Also this. | false | Also this.",
    })
    void readsAsText(String raw, boolean detail, String text) {
        assertEquals(text.replace("\\n", "\n"), JavadocText.render(raw.replace("\\n", "\n"), detail));
    }
}
