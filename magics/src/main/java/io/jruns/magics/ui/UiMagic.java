package io.jruns.magics.ui;

import io.jruns.Jruns;
import io.jruns.domain.Experiment;
import io.jruns.domain.JrunsException;
import io.jruns.magics.args.OptionSpec;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;
import io.jruns.ui.UiInfo;
import io.jruns.views.Links;
import io.jruns.views.html.Html;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code %ui}: the runs UI beside the cells. Reuses a jruns ui serving the kernel's store, else
 * starts one in the kernel's JVM, then shows this notebook's experiment runs in an iframe (as
 * TensorBoard's notebook magic does) that refreshes as runs are logged.
 */
public final class UiMagic implements Magic {
    static final int HEIGHT = 600;
    private static final AtomicLong FRAMES = new AtomicLong();
    private static final MagicSpec SPEC = new MagicSpec("ui", MagicSpec.Kind.LINE, "%ui [--link] | %ui --stop",
            "Show this notebook's experiment runs in a live panel (the runs UI in a frame; links open its pages in a new tab), "
                    + "starting jruns ui in the kernel unless one already serves the kernel's store. Views like %runs link "
                    + "to its pages while it runs.",
            List.of(OptionSpec.flag("link", "print the UI's link instead of the panel"),
                    OptionSpec.flag("stop", "stop the UI this kernel started")));

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) {
        if (!args.positional().isEmpty()) throw JrunsException.invalid("%ui takes no arguments but --link or --stop (see %help ui)");
        if (args.flag("stop")) {
            if (args.flag("link")) throw JrunsException.invalid("%ui: choose --link or --stop");
            String said = KernelUi.stop().map(i -> "Stopped the runs UI at " + i.url() + ".")
                    .orElse("This kernel started no runs UI" + KernelUi.serving().map(i -> " (the one at " + i.url()
                            + " belongs to process " + i.pid() + ")").orElse("") + ".");
            host.display(Output.text(said));
            return;
        }
        UiInfo info = KernelUi.ensure();
        if (args.flag("link")) {
            String link = info.codeLink(""); // a notebook saves its outputs: never the token itself
            host.display(new Output("<a href=\"" + Html.escape(link) + "\" target=\"_blank\" rel=\"noopener\">"
                    + Html.escape(link) + "</a> <span style=\"opacity:.7\">(opens once, within 10 minutes)</span>", link));
            return;
        }
        host.display(panel(info, Jruns.getExperiment(), KernelUi.started(info)));
    }

    /**
     * The iframe, with a one-time code for its first load (the server swaps it for a cookie):
     * the output is saved with the notebook, so it never holds the token, which would let
     * anyone the notebook reaches into the UI for as long as it runs. A cookie is only sent to
     * the same site, so the script points the frame at the host name the notebook page itself
     * uses (localhost or 127.0.0.1; the UI answers to both on loopback).
     */
    static Output panel(UiInfo info, Experiment e, boolean startedHere) {
        String src = info.codeLink("panel/" + Links.segment(e.experimentId()));
        String open = info.codeLink("");
        String id = "jruns-ui-" + ProcessHandle.current().pid() + "-" + FRAMES.incrementAndGet();
        String where = startedHere ? "started in this kernel" : "process " + info.pid();
        // the frame may start loading src before the script moves it to the page's host name, spending
        // its code: the move takes a code of its own
        String again = info.codeLink("panel/" + Links.segment(e.experimentId()));
        String html = "<div class=\"jruns-ui\"><iframe id=\"" + id + "\" src=\"" + Html.escape(src) + "\" data-again=\""
                + Html.escape(again) + "\" width=\"100%\" height=\""
                + HEIGHT + "\" style=\"border:1px solid rgba(128,128,128,.35);border-radius:4px\" title=\"jruns runs: "
                + Html.escape(e.name()) + "\"></iframe>"
                + "<div style=\"font-size:12px;opacity:.8\">Runs of <b>" + Html.escape(e.name()) + "</b> · <a href=\""
                + Html.escape(open) + "\" target=\"_blank\" rel=\"noopener\">open the runs UI</a> (" + Html.escape(info.url())
                + ", " + where + "; %ui --link prints the link)</div>"
                + "<script>(function () { var f = document.getElementById(\"" + id + "\"); var h = window.location.hostname;"
                + " if (f && (h === \"localhost\" || h === \"127.0.0.1\")) { var u = new URL(f.src);"
                + " if (u.hostname !== h && (u.hostname === \"localhost\" || u.hostname === \"127.0.0.1\")) {"
                + " var v = new URL(f.getAttribute(\"data-again\")); v.hostname = h; f.src = v.href; } } })();</script>"
                + "</div>";
        String text = "Runs of " + e.name() + " in the runs UI (" + where + "): " + open + "\n";
        return new Output(html, text);
    }
}
