package io.jruns.views.html;

import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

import java.util.Locale;

/**
 * A run's note (markdown, as MLflow and Databricks treat it) as HTML, for the notebook's
 * {@code %runs show} and the UI's run page alike. A note is text anyone who can log to the
 * store wrote, shown in someone else's notebook: raw HTML in it comes out as escaped text, and
 * links and images keep only http(s) and relative addresses ({@code javascript:} and
 * {@code data:} become empty).
 */
public final class Markdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new WebOnly())
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                // a note's link leaves the page; it gets no hold on it (window.opener) nor the referrer
                if (node instanceof Link) attributes.put("rel", "noopener noreferrer nofollow");
            })
            .build();

    private Markdown() {
    }

    /** The markdown as HTML (block elements: paragraphs, headings, lists, code). */
    public static String html(String markdown) {
        return RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
    }

    /** Keeps http, https and relative URLs; anything else (javascript:, data:, vbscript:, file:) becomes "". */
    static final class WebOnly implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            return allowed(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return sanitizeLinkUrl(url);
        }

        static boolean allowed(String url) {
            // browsers ignore tabs, newlines and leading spaces in a URL ("java\tscript:" runs): so do we
            StringBuilder s = new StringBuilder();
            for (char c : url.toCharArray()) if (c > 0x20 && c != 0x7f) s.append(c);
            String u = s.toString();
            for (int i = 0; i < u.length(); i++) {
                char c = u.charAt(i);
                if (c == '/' || c == '?' || c == '#') return true; // no scheme before these: relative
                if (c == ':') {
                    String scheme = u.substring(0, i).toLowerCase(Locale.ROOT);
                    return scheme.equals("http") || scheme.equals("https");
                }
            }
            return true; // "page.html", "": relative
        }
    }
}
