package io.jruns.internal.ui.pages;

import io.jruns.RunManager;
import io.jruns.domain.JrunsException;
import io.jruns.domain.Run;
import io.jruns.domain.SystemTags;
import io.jruns.internal.ui.UiContext;
import io.jruns.internal.ui.http.Request;
import io.jruns.internal.ui.http.Response;
import io.jruns.internal.ui.http.Router;
import io.jruns.views.Links;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run page's changes, each a form POST (the Guard has checked its CSRF field) answered
 * with 303 back to the page (Post/Redirect/Get). Refused input (an empty or invalid key, a
 * value over MLflow's limits, a system tag) re-renders the page with a one-line error and the
 * form as typed, status 400, so nothing typed is lost. Checks are RunManager's (MLflow's limits).
 */
final class RunEdits {
    private RunEdits() {
    }

    static void install(Router router, UiContext ctx) {
        router.post("/runs/{id}/tags", r -> edit(ctx, r, r.formField("add").isPresent() ? "tag-add" : "tag", (m, run) -> {
            String key = field(r, "key").strip();
            if (key.isEmpty()) throw JrunsException.invalid("a tag needs a name");
            refuseSystem(key);
            m.setTag(run.runId(), key, field(r, "value"));
        }));
        router.post("/runs/{id}/tags/delete", r -> edit(ctx, r, "tag", (m, run) -> {
            String key = field(r, "key");
            refuseSystem(key);
            if (!run.data().tags().containsKey(key)) throw JrunsException.invalid("the run has no tag '" + key + "' (deleted already?)");
            m.deleteTag(run.runId(), key);
        }));
        router.post("/runs/{id}/note", r -> edit(ctx, r, "note", (m, run) -> {
            String note = field(r, "note").replace("\r\n", "\n");
            if (!note.isBlank()) m.setTag(run.runId(), SystemTags.NOTE, note);
            else if (run.data().tags().containsKey(SystemTags.NOTE)) m.deleteTag(run.runId(), SystemTags.NOTE);
        }));
        router.post("/runs/{id}/rename", r -> edit(ctx, r, "rename", (m, run) -> m.rename(run.runId(), field(r, "name").strip())));
    }

    private interface Change {
        void apply(RunManager manager, Run run);
    }

    private static Response edit(UiContext ctx, Request r, String form, Change change) {
        Run run = ctx.client().getRun(r.param("id"));
        String page = Links.ui("/").run(run.runId()).orElseThrow();
        try {
            change.apply(ctx.client().manage(run.info().experimentId()), run);
        } catch (JrunsException e) {
            if (e.code() != JrunsException.Code.INVALID_PARAMETER_VALUE) throw e;
            Map<String, String> typed = new LinkedHashMap<>();
            r.form().forEach((k, vs) -> typed.put(k, vs.isEmpty() ? "" : vs.get(0)));
            String line = e.getMessage() == null ? "refused" : e.getMessage().lines().findFirst().orElse("refused");
            RunEditForms.Draft draft = new RunEditForms.Draft(form, typed, line);
            return Response.of(400, Response.HTML, RunPageRoute.render(ctx, run.runId(), false, draft));
        }
        return Response.seeOther(page + (form.startsWith("tag") ? "#tags" : "#edit"));
    }

    private static String field(Request r, String name) {
        return r.formField(name).orElse("");
    }

    private static void refuseSystem(String key) {
        if (SystemTags.isSystem(key)) {
            throw JrunsException.invalid("'" + key + "' is a system tag (mlflow.*, jruns.*): set by jruns, not editable here"
                    + " (rename the run or edit its note instead)");
        }
    }
}
