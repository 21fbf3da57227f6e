package io.jruns.views.html;

/**
 * The one stylesheet of the views, sent with each output (a notebook may show any output
 * alone). Every rule is under {@code .jr}, and beats JupyterLab's and the classic
 * notebook's table rules (centred tables, fixed layout, zebra rows) by specificity. Colours
 * are the text colour, translucent greys and mid-tone accents, so light and dark themes
 * both read well; JupyterLab's variables are used where they exist.
 */
public final class Css {
    public static final String STYLE = "<style>"
            + ".jr{font-family:var(--jp-ui-font-family,system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif);"
            + "font-size:13px;line-height:1.4;color:inherit;margin:2px 0 6px;text-align:left;"
            + "--jr-line:rgba(128,128,128,.22);--jr-strong:rgba(128,128,128,.5);--jr-hover:rgba(128,128,128,.09);"
            + "--jr-ok:#2f9e5a;--jr-bad:#d9483b;--jr-live:#3b7dd8;--jr-warn:#c7871a;--jr-accent:#3b7dd8}"
            + ".jr .jr-h{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline;margin:0 0 6px}"
            + ".jr .jr-h .jr-title{font-size:15px;font-weight:600}"
            + ".jr.jr-card{display:inline-block;border:1px solid var(--jr-line);border-radius:6px;padding:6px 12px}"
            + ".jr.jr-card .jr-h{margin:0 0 2px}"
            + ".jr .jr-dim{opacity:.62}"
            + ".jr .jr-sec{font-weight:600;margin:14px 0 4px;font-size:13px}"
            + ".jr .jr-sec .jr-dim{font-weight:400}"
            // nbconvert puts outputs in a table cell that grows to its content, so 100% does not
            // bound a wide table there; the viewport does (in JupyterLab the output area bounds it)
            + ".jr .jr-scroll{overflow-x:auto;max-width:calc(100vw - 140px)}"
            + ".jr table.jr-t{border-collapse:collapse;border-spacing:0;border:none;margin:0;table-layout:auto;width:auto;"
            + "font-size:13px;color:inherit}"
            + ".jr .jr-t th,.jr .jr-t td{padding:4px 12px 4px 0;border:none;border-bottom:1px solid var(--jr-line);"
            + "text-align:left;vertical-align:middle;white-space:nowrap;max-width:24em;overflow:hidden;"
            + "text-overflow:ellipsis;line-height:1.35;background:transparent;color:inherit}"
            // a list (a run's children) wraps instead of hiding all but its first names
            + ".jr .jr-t td.jr-wrap{white-space:normal;max-width:48em}"
            + ".jr .jr-t thead th{font-weight:600;border-bottom:1px solid var(--jr-strong);vertical-align:bottom}"
            + ".jr .jr-t thead th.jr-grp{font-weight:500;font-size:11px;text-transform:uppercase;letter-spacing:.04em;"
            + "opacity:.6;border-bottom:1px solid var(--jr-line);padding-bottom:2px}"
            + ".jr .jr-t tbody tr:nth-child(n){background:transparent}"
            + ".jr .jr-t tbody tr:nth-child(n):hover{background:var(--jr-hover)}"
            + ".jr .jr-t .jr-n{text-align:right;font-variant-numeric:tabular-nums}"
            + ".jr .jr-t th.jr-k{font-weight:500;opacity:.8}"
            + ".jr .jr-t .jr-gap{padding-left:14px}"
            + ".jr .jr-t tr.jr-diff th.jr-k{box-shadow:inset 3px 0 0 var(--jr-accent);padding-left:8px;opacity:1}"
            + ".jr .jr-t tr.jr-same{opacity:.72}"
            + ".jr .jr-st{white-space:nowrap}"
            + ".jr .jr-st i{font-style:normal;display:inline-block;width:1.1em;text-align:center;margin-right:3px}"
            + ".jr .jr-ok i{color:var(--jr-ok)}.jr .jr-bad i{color:var(--jr-bad)}.jr .jr-live i{color:var(--jr-live)}"
            + ".jr .jr-warn i{color:var(--jr-warn)}"
            + ".jr .jr-badge{display:inline-block;font-size:11px;padding:0 6px;border-radius:8px;"
            + "border:1px solid var(--jr-strong);line-height:16px;vertical-align:1px}"
            + ".jr .jr-model{color:var(--jr-accent);border-color:var(--jr-accent)}"
            + ".jr .jr-deleted{opacity:.55}.jr .jr-deleted .jr-name{text-decoration:line-through}"
            + ".jr tr.jr-ctx{opacity:.55;font-style:italic}"
            + ".jr .jr-name{font-weight:500}"
            // a name or value with right-to-left or override marks reorders itself, never the text around it
            + ".jr .jr-name,.jr .jr-title,.jr .jr-k,.jr code,.jr a{unicode-bidi:isolate}"
            + ".jr .jr-ind{display:inline-block;opacity:.45;width:1.2em}"
            + ".jr .jr-sha{font-family:var(--jp-code-font-family,ui-monospace,'DejaVu Sans Mono',monospace);font-size:12px;opacity:.7}"
            + ".jr code{font-family:var(--jp-code-font-family,ui-monospace,'DejaVu Sans Mono',monospace);font-size:12px;"
            + "background:var(--jr-hover);padding:1px 4px;border-radius:3px}"
            + ".jr a{color:inherit;text-decoration:underline;text-decoration-color:var(--jr-strong);text-underline-offset:2px}"
            + ".jr .jr-tg{position:absolute;opacity:0;width:1px;height:1px;margin:0}"
            + ".jr label.jr-tl{cursor:pointer;user-select:none;display:inline-block;width:1.2em;opacity:.7}"
            + ".jr .jr-tl::before{content:'\\25BE'}.jr .jr-tl:has(.jr-tg:checked)::before{content:'\\25B8'}"
            + ".jr tbody:has(.jr-tg:checked) tr.jr-child{display:none}"
            + ".jr .jr-more{margin:6px 0 0;opacity:.75;font-size:12px}"
            + ".jr .jr-cols{display:flex;flex-wrap:wrap;gap:6px 36px;align-items:flex-start}"
            + ".jr .jr-cols>div{min-width:0;max-width:100%}"
            + ".jr .jr-note{border-left:3px solid var(--jr-line);padding:2px 10px;margin:6px 0;max-width:60em}"
            + ".jr .jr-note>:first-child{margin-top:0}.jr .jr-note>:last-child{margin-bottom:0}"
            + ".jr .jr-note h1,.jr .jr-note h2,.jr .jr-note h3{font-size:1.1em;margin:.5em 0 .3em}"
            + ".jr .jr-note p,.jr .jr-note ul,.jr .jr-note ol,.jr .jr-note pre{margin:.35em 0}"
            + ".jr .jr-note pre{white-space:pre-wrap;background:var(--jr-hover);padding:4px 8px;border-radius:3px}"
            + ".jr .jr-note pre code{background:none;padding:0}.jr .jr-note img{max-width:100%}"
            + ".jr .jr-spark{vertical-align:middle;color:var(--jr-accent)}"
            + ".jr ul.jr-tree{list-style:none;margin:0;padding:0 0 0 1.2em}"
            + ".jr ul.jr-tree.jr-root{padding-left:0}"
            + ".jr ul.jr-tree li{margin:1px 0;white-space:nowrap}"
            + ".jr ul.jr-tree summary{cursor:pointer}"
            + ".jr .jr-size{opacity:.6;margin-left:10px;font-variant-numeric:tabular-nums}"
            + ".jr .jr-plot{margin:4px 0 10px;color:inherit}"
            + ".jr details.jr-sys>summary{cursor:pointer;opacity:.75;margin:6px 0 2px}"
            + "</style>";

    private Css() {
    }
}
