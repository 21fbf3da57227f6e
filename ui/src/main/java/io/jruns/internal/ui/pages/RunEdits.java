package io.jruns.internal.ui.pages;

import io.jruns.RunManager;
import io.jruns.domain.JrunsException;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import io.jruns.internal.ui.UiContext;
import io.jruns.internal.ui.http.Request;
import io.jruns.internal.ui.http.Response;
import io.jruns.internal.ui.http.Router;
import io.jruns.views.Links;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The run page's changes, each a form POST (the Guard has checked its CSRF field) answered
 * with 303 back to the page (Post/Redirect/Get). Refused input (an empty or invalid key, a
 * value over MLflow's limits, a system tag) re-renders the page with a one-line error and the
 * form as typed, status 400, so nothing typed is lost. Checks are RunManager's (MLflow's limits).
 * A form also carries what it was showing ({@link Seen}): a value changed meanwhile in another
 * tab or by the run itself is not overwritten unseen; the page comes back (409) with both.
 */
final class RunEdits {
    private RunEdits() {
    }

    static void install(Router router, UiContext ctx) {
        router.post("/runs/{id}/tags", r -> {
            boolean add = r.formField("add").isPresent();
            String key = field(r, "key").strip();
            return edit(ctx, r, add ? "tag-add" : "tag", run -> add ? null : run.data().tags().get(key), (m, run) -> {
                if (key.isEmpty()) throw JrunsException.invalid("a tag needs a name");
                refuseSystem(key);
                String now = run.data().tags().get(key);
                String value = field(r, "value");
                if (add && now != null && !now.equals(value)) {
                    throw JrunsException.invalid("the run has a tag '" + key + "' already (value '" + Seen.shortened(now)
                            + "'): change it in the table above");
                }
                m.setTag(run.runId(), key, value);
            });
        });
        router.post("/runs/{id}/tags/delete", r -> edit(ctx, r, "tag", run -> run.data().tags().get(field(r, "key")), (m, run) -> {
            String key = field(r, "key");
            refuseSystem(key);
            if (!run.data().tags().containsKey(key)) throw JrunsException.invalid("the run has no tag '" + key + "' (deleted already?)");
            m.deleteTag(run.runId(), key);
        }));
        router.post("/runs/{id}/note", r -> edit(ctx, r, "note", run -> run.note().orElse(null), (m, run) -> {
            String note = field(r, "note").replace("\r\n", "\n");
            if (!note.isBlank()) m.setTag(run.runId(), SystemTags.NOTE, note);
            else if (run.data().tags().containsKey(SystemTags.NOTE)) m.deleteTag(run.runId(), SystemTags.NOTE);
        }));
        router.post("/runs/{id}/restore", r -> {
            Run run = ctx.client().getRun(r.param("id"));
            // with the runs deleted with it, as the experiment page's Restore does
            ctx.client().manage(run.info().experimentId()).restore(java.util.List.of(run.runId()), io.jruns.store.Progress.NONE);
            return Response.seeOther(Links.ui("/").run(run.runId()).orElseThrow());
        });
        router.post("/runs/{id}/end", r -> edit(ctx, r, "end", run -> run.info().status().name(), (m, run) -> {
            String status = field(r, "status").strip();
            m.end(run.runId(), RunStatus.ending(status).orElseThrow(
                    () -> JrunsException.invalid("a run ends as KILLED, FINISHED or FAILED, not '" + status + "'")),
                    r.formField("force").isPresent());
        }));
        router.post("/runs/{id}/rename", r -> edit(ctx, r, "rename", RunCrumbs::runName,
                (m, run) -> m.rename(run.runId(), field(r, "name").strip())));
    }

    private interface Change {
        void apply(RunManager manager, Run run);
    }

    /** {@code shown} reads, from the run as it is now, the value the form was showing. */
    private static Response edit(UiContext ctx, Request r, String form, Function<Run, String> shown, Change change) {
        Run run = ctx.client().getRun(r.param("id"));
        String page = Links.ui("/").run(run.runId()).orElseThrow();
        if (run.info().lifecycleStage() == LifecycleStage.DELETED) {
            return Response.of(400, Response.HTML, RunPageRoute.render(ctx, run.runId(), false, draft(r, form,
                    "this run was deleted (in another tab, or by %runs delete): what you typed is below; restore the run, then submit again")));
        }
        String now = shown.apply(run);
        // a tag removed meanwhile is no conflict: saving it adds it back, deleting it says it is gone
        boolean tagGone = now == null && form.startsWith("tag");
        if (!tagGone && !Seen.unchanged(r.formField(Seen.FIELD).orElse(null), now)) {
            String line = form.equals("end") ? "this run has ended meanwhile (" + now + "): nothing was changed"
                    : (now == null ? "the note was removed" : "this was changed to '" + Seen.shortened(now) + "'")
                    + " since the page was loaded (another tab, or the run itself): what you typed is below;"
                    + " submit again to replace it";
            return Response.of(409, Response.HTML, RunPageRoute.render(ctx, run.runId(), false, draft(r, form, line)));
        }
        try {
            change.apply(ctx.client().manage(run.info().experimentId()), run);
        } catch (JrunsException e) {
            // INVALID_STATE: deleted between the read above and the change
            if (e.code() != JrunsException.Code.INVALID_PARAMETER_VALUE && e.code() != JrunsException.Code.INVALID_STATE) throw e;
            String line = e.getMessage() == null ? "refused" : e.getMessage().lines().findFirst().orElse("refused");
            return Response.of(400, Response.HTML, RunPageRoute.render(ctx, run.runId(), false, draft(r, form, line)));
        }
        return Response.seeOther(page + (form.startsWith("tag") ? "#tags" : "#edit"));
    }

    private static RunEditForms.Draft draft(Request r, String form, String error) {
        Map<String, String> typed = new LinkedHashMap<>();
        r.form().forEach((k, vs) -> typed.put(k, vs.isEmpty() ? "" : vs.get(0)));
        return new RunEditForms.Draft(form, typed, error);
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
