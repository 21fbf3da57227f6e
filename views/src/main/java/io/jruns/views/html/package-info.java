/**
 * The views as self-contained HTML (inline CSS and SVG, no script, light and dark themes),
 * each with its plain-text twin: the runs table, the run page and card, the comparison.
 * Every user string goes through {@link io.jruns.views.html.Html}. Shown by the magics today
 * and by the web UI's pages next.
 */
package io.jruns.views.html;
