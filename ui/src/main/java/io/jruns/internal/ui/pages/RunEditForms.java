package io.jruns.internal.ui.pages;

import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Run;
import io.jruns.domain.SystemTags;
import io.jruns.internal.ui.UiContext;
import io.jruns.views.html.Html;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The run page's forms: rename, the note, and the user's tags (edit a value, delete, add); for a
 * run that has not ended, ending it.
 * System tags ({@code mlflow.*}, {@code jruns.*}) are not editable here: the views' page above
 * lists them read-only. Each form posts with the CSRF field; a refused one comes back filled in.
 */
final class RunEditForms {
    /** A refused form: which one ({@code form}), what was typed, and the one-line error. */
    record Draft(String form, Map<String, String> fields, String error) {
        static final Draft NONE = new Draft("", Map.of(), null);

        String field(String name, String otherwise) {
            return form.isEmpty() ? otherwise : fields.getOrDefault(name, otherwise);
        }
    }

    private RunEditForms() {
    }

    /**
     * The forms; a deleted run gets a Restore button instead, as its edits would all be refused,
     * and the forms only to give back what a refused edit had typed (deleted in another tab meanwhile).
     */
    static String html(UiContext ctx, Run run, String runPath, Draft draft) {
        String action = Html.escape(runPath);
        String csrf = Layout.csrfField(ctx);
        StringBuilder h = new StringBuilder();
        if (run.info().lifecycleStage() == LifecycleStage.DELETED) {
            h.append("<section class=\"jr jr-restore\" id=\"restore\"><div class=\"jr-sec\">Deleted</div><form method=\"post\""
                    + " class=\"jr-form\" id=\"restore-form\" action=\"").append(action).append("/restore\">").append(csrf)
                    .append("This run is deleted (restorable for 30 days, then <code>jruns gc</code> may purge it); restore it to edit it."
                            + " <button type=\"submit\" id=\"restore-button\">Restore</button></form></section>");
            if (draft.form().isEmpty()) return h.toString();
        }
        if (!run.info().status().isTerminated()) end(h, run, ctx.client().store().liveOwner(run.runId()), action, csrf, draft);
        h.append("<section class=\"jr jr-edit\" id=\"edit\"><div class=\"jr-cols\"><div>");
        h.append("<div class=\"jr-sec\">Rename</div><form method=\"post\" class=\"jr-form\" id=\"rename-form\" action=\"").append(action)
                .append("/rename\">").append(csrf).append(Seen.hidden(RunCrumbs.runName(run))).append("<input name=\"name\" id=\"run-name\" maxlength=\"8000\" required value=\"");
        Html.append(h, draft.form().equals("rename") ? draft.field("name", "") : RunCrumbs.runName(run))
                .append("\"> <button type=\"submit\">Rename</button></form>");
        // HTML drops the one newline right after <textarea>: ours, so a note's own leading newline survives
        h.append("<div class=\"jr-sec\">Note</div><form method=\"post\" class=\"jr-form\" id=\"note-form\" action=\"").append(action)
                .append("/note\">").append(csrf).append(Seen.hidden(run.note().orElse(null))).append("<textarea name=\"note\" id=\"run-note\" rows=\"4\" cols=\"60\">\n");
        Html.append(h, draft.form().equals("note") ? draft.field("note", "") : run.note().orElse(""))
                .append("</textarea><br><button type=\"submit\">Save note</button></form></div>");
        h.append("<div id=\"tags\"><div class=\"jr-sec\">Edit tags</div>");
        tags(h, run, action, csrf, draft);
        h.append("</div></div></section>");
        return h.toString();
    }

    /**
     * Ending a run its process left RUNNING (a client of this UI that died; a copy made while it ran):
     * nothing else ends those, as on MLflow's server. KILLED first, as jruns ends a dead notebook's runs.
     */
    private static void end(StringBuilder h, Run run, Optional<String> owner, String action, String csrf, Draft draft) {
        String chosen = draft.field("status", "KILLED");
        h.append("<section class=\"jr jr-end\" id=\"end\"><div class=\"jr-sec\">").append(Html.escape(run.info().status().name()))
                .append("</div><form method=\"post\" class=\"jr-form\" id=\"end-form\" action=\"").append(action).append("/end\">")
                .append(csrf).append(Seen.hidden(run.info().status().name()));
        if (owner.isEmpty()) {
            h.append("This run has not ended. If the process logging it stopped without ending it, end it here: ");
        } else {
            // a live kernel ends its own runs; ending one under it is allowed, knowingly
            h.append("This run is still being logged by ").append(Html.escape(owner.get()))
                    .append(", which is alive: end it there (<code>%run end</code>, or interrupt its cell). ")
                    .append("<label><input type=\"checkbox\" name=\"force\" id=\"end-force\"> end it here anyway</label> ");
        }
        h.append("<select name=\"status\" id=\"end-status\">");
        for (String s : new String[]{"KILLED", "FINISHED", "FAILED"}) {
            h.append("<option").append(s.equals(chosen) ? " selected" : "").append('>').append(s).append("</option>");
        }
        h.append("</select> <button type=\"submit\" id=\"end-button\">End run</button></form></section>");
    }

    private static void tags(StringBuilder h, Run run, String action, String csrf, Draft draft) {
        Map<String, String> user = new TreeMap<>();
        run.data().tags().forEach((k, v) -> {
            if (!SystemTags.isSystem(k)) user.put(k, v);
        });
        h.append("<table class=\"jr-t jr-tags-edit\"><thead><tr><th>Name</th><th>Value</th><th>Actions</th></tr></thead><tbody>");
        for (Map.Entry<String, String> t : user.entrySet()) {
            String key = Html.escape(t.getKey());
            boolean refused = draft.form().equals("tag") && t.getKey().equals(draft.fields().get("key"));
            h.append("<tr data-tag=\"").append(key).append("\"><th class=\"jr-k\">").append(key).append("</th><td>")
                    .append("<form method=\"post\" class=\"jr-inline\" action=\"").append(action).append("/tags\">").append(csrf).append(Seen.hidden(t.getValue()))
                    .append("<input type=\"hidden\" name=\"key\" value=\"").append(key).append("\"><input name=\"value\" class=\"jr-tagvalue\" value=\"");
            Html.append(h, refused ? draft.field("value", t.getValue()) : t.getValue())
                    .append("\"> <button type=\"submit\" class=\"jr-save\">Save</button></form></td><td>")
                    .append("<form method=\"post\" class=\"jr-inline\" action=\"").append(action).append("/tags/delete\">").append(csrf).append(Seen.hidden(t.getValue()))
                    .append("<input type=\"hidden\" name=\"key\" value=\"").append(key)
                    .append("\"><button type=\"submit\" class=\"jr-delete\">Delete</button></form></td></tr>");
        }
        boolean adding = draft.form().equals("tag-add");
        h.append("</tbody></table><form method=\"post\" class=\"jr-form\" id=\"tag-add\" action=\"").append(action).append("/tags\">")
                .append(csrf).append("<input type=\"hidden\" name=\"add\" value=\"1\"><input name=\"key\" id=\"tag-key\" placeholder=\"Name\" value=\"");
        Html.append(h, adding ? draft.field("key", "") : "").append("\"> <input name=\"value\" id=\"tag-value\" placeholder=\"Value\" value=\"");
        Html.append(h, adding ? draft.field("value", "") : "").append("\"> <button type=\"submit\" id=\"tag-add-button\">Add</button></form>");
        h.append("<div class=\"jr-more\">System tags (mlflow.*, jruns.*) are set by jruns and MLflow; they are listed above, read-only.</div>");
    }
}
