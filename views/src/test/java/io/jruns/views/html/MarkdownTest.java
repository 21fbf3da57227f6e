package io.jruns.views.html;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Notes render as markdown; raw HTML comes out as text and only http(s) and relative URLs survive. */
class MarkdownTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // markdown renders
            "# Title                                   | <h1>Title</h1>",
            "**bold** and *em*                         | <p><strong>bold</strong> and <em>em</em></p>",
            "a\\nb                                     | <p>a\\nb</p>",
            "- one\\n- two                             | <ul>\\n<li>one</li>\\n<li>two</li>\\n</ul>",
            "[docs](https://mlflow.org/x?a=1&b=2)      | <p><a href=\"https://mlflow.org/x?a=1&amp;b=2\">docs</a></p>",
            "[rel](../runs/abc)                        | <p><a href=\"../runs/abc\">rel</a></p>",
            "[up](HTTP://example.com)                  | <p><a href=\"HTTP://example.com\">up</a></p>",
            "![plot](plots/loss.png)                   | <p><img src=\"plots/loss.png\" alt=\"plot\" /></p>",
            // raw HTML is text
            "<img src=x onerror=alert(1)>              | <p>&lt;img src=x onerror=alert(1)&gt;</p>",
            "<script>alert(1)</script>                 | <p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
            "a <b onclick=\"x()\">b</b>                | <p>a &lt;b onclick=&quot;x()&quot;&gt;b&lt;/b&gt;</p>",
            "<!-- c -->                                | <p>&lt;!-- c --&gt;</p>",
            // no script URLs, however written
            "[x](javascript:alert(1))                  | <p><a href=\"\">x</a></p>",
            "[x](JaVaScRiPt:alert(1))                  | <p><a href=\"\">x</a></p>",
            "[x](&#106;avascript:alert(1))             | <p><a href=\"\">x</a></p>",
            "[x](<java\\tscript:alert(1)>)             | <p><a href=\"\">x</a></p>",
            "<javascript:alert(1)>                     | <p><a href=\"\">javascript:alert(1)</a></p>",
            "[x](vbscript:msgbox)                      | <p><a href=\"\">x</a></p>",
            "[x](data:text/html;base64,PHNjcmlwdD4=)   | <p><a href=\"\">x</a></p>",
            "![x](data:image/svg+xml;base64,PHN2Zz4=)  | <p><img src=\"\" alt=\"x\" /></p>",
            "[x](file:///etc/passwd)                   | <p><a href=\"\">x</a></p>",
            "[x](https://e.com \"t\\\" onmouseover=\\\"a\") | <p><a href=\"https://e.com\" title=\"t&quot; onmouseover=&quot;a\">x</a></p>",
    })
    void rendersSafely(String markdown, String html) {
        String out = Markdown.html(markdown.replace("\\n", "\n").replace("\\t", "\t")).strip();
        assertEquals(html.replace("\\n", "\n"), out.replace(" rel=\"noopener noreferrer nofollow\"", ""));
    }

    @Test
    void aLinkGetsNoHoldOnThePageItLeaves() {
        assertEquals("<p><a rel=\"noopener noreferrer nofollow\" href=\"https://mlflow.org\">m</a></p>",
                Markdown.html("[m](https://mlflow.org)").strip());
    }
}
