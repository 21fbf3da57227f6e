package io.jruns.internal.ui.pages;

import io.jruns.internal.ui.UiContext;
import io.jruns.internal.ui.http.Guard;
import io.jruns.views.html.Css;
import io.jruns.views.html.Html;

/**
 * The page around every view: the header with the way home, the views' stylesheet plus the
 * UI's, the CSRF token for the page's forms and script, and the UI's one script file.
 */
public final class Layout {
    private Layout() {
    }

    /** {@code crumbs}: already-escaped HTML after the "jruns" home link (e.g. the experiment's name). */
    public static String page(UiContext ctx, String title, String crumbs, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"jruns-csrf\" content=\"" + Html.escape(ctx.csrf()) + "\">"
                + "<title>" + Html.escape(title) + " · jruns</title>"
                + "<link rel=\"icon\" href=\"data:,\">" // no favicon request, so no 404 in the console
                + "<link rel=\"stylesheet\" href=\"/static/ui.css\">" + Css.STYLE
                + "<script src=\"/static/ui.js\" defer></script></head><body>"
                + "<header class=\"jr-top\"><a class=\"jr-home\" href=\"/\">jruns</a>"
                + (crumbs == null || crumbs.isEmpty() ? "" : "<span class=\"jr-crumbs\">" + crumbs + "</span>")
                + "</header><main>" + body + "</main></body></html>";
    }

    /** A hidden field carrying the CSRF token, for a form that changes something. */
    public static String csrfField(UiContext ctx) {
        return "<input type=\"hidden\" name=\"" + Guard.CSRF_FIELD + "\" value=\"" + Html.escape(ctx.csrf()) + "\">";
    }
}
