package io.jruns.magics.ui;

import io.jruns.magics.host.Output;
import io.jruns.magics.notebook.NotebookRunContext;
import io.jruns.views.Links;
import io.jruns.views.Rendered;

/**
 * Where a magic's view links: to the pages of the jruns ui serving the kernel's store, or
 * nowhere. Linked views open their links in a new tab (a click must not take the notebook
 * away); unlinked ones say once per session how to get links.
 */
public record ViewLinks(Links links) {
    public static final String HINT = "Start the runs UI with %ui to open runs, notebooks and artifacts from here.";
    /** In a headless job (jruns execute) %ui would start a UI that ends with the job: the command line's stays. */
    public static final String JOB_HINT = "Open runs, notebooks and artifacts in the runs UI: start it with jruns ui "
            + "(install/jruns ui from a jruns checkout).";

    /** The hint for a kernel run by hand, or as a job (its {@code JRUNS_SOURCE_TYPE}). */
    static String hint(String sourceType) {
        return sourceType != null && sourceType.strip().equalsIgnoreCase("JOB") ? JOB_HINT : HINT;
    }

    /** The links of the UI serving the kernel's store now, or none. */
    public static ViewLinks current() {
        return new ViewLinks(KernelUi.serving().map(i -> Links.ui(i.url())).orElse(Links.NONE));
    }

    public boolean linked() {
        return links.root().isPresent();
    }

    /** The view to display: links in new tabs, or (once a session) the hint under it. */
    public Output show(Rendered view) {
        if (linked()) return new Output(newTabs(view.html()), view.text());
        if (!KernelUi.firstUnlinked()) return Output.of(view);
        String hint = hint(System.getenv(NotebookRunContext.SOURCE_TYPE_ENV));
        return new Output(view.html() + "<div class=\"jr-more\" style=\"font-size:12px;opacity:.75;margin-top:4px\">" + hint + "</div>",
                view.text() + hint + "\n");
    }

    /**
     * Every link of a view opens a new tab. The views escape every user string, so a literal
     * {@code <a } in their HTML is always their own markup, never a name or a value.
     */
    static String newTabs(String html) {
        return html.replace("<a ", "<a target=\"_blank\" rel=\"noopener\" ");
    }
}
