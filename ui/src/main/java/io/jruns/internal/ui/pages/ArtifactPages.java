package io.jruns.internal.ui.pages;

import io.jruns.domain.FileInfo;
import io.jruns.domain.JrunsException;
import io.jruns.domain.Run;
import io.jruns.internal.ui.UiContext;
import io.jruns.internal.ui.http.Request;
import io.jruns.internal.ui.http.Response;
import io.jruns.internal.ui.http.Router;
import io.jruns.views.Links;
import io.jruns.views.format.Format;
import io.jruns.views.RunFacts;
import io.jruns.views.html.Html;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code /runs/<id>/artifacts/<path...>}: a folder lists its entries, a file shows a preview by
 * type and a download link; {@code /runs/<id>/artifact-raw/<path...>} serves the bytes (images
 * inline for previews, everything else as an attachment). All reads go through the store's
 * artifact calls, so REST stores work too, and every path is checked by {@link ArtifactPaths}.
 */
final class ArtifactPages {
    static final Links LINKS = Links.ui("/");
    private static final Map<String, String> IMAGES = Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg",
            "gif", "image/gif", "webp", "image/webp", "bmp", "image/bmp");

    private ArtifactPages() {
    }

    static void install(Router router, UiContext ctx) {
        router.get("/runs/{id}/artifacts", r -> page(ctx, r.param("id"), ""));
        router.get("/runs/{id}/artifacts/{path...}", r -> page(ctx, r.param("id"), r.param("path")));
        router.get("/runs/{id}/artifact-raw/{path...}", r -> raw(ctx, r));
    }

    static Response page(UiContext ctx, String runId, String rawPath) throws Exception {
        String path = ArtifactPaths.check(rawPath);
        Run run = ctx.client().getRun(runId);
        FileInfo entry = path.isEmpty() ? new FileInfo("", true, null) : find(ctx, runId, path);
        StringBuilder b = new StringBuilder("<div class=\"jr jr-art\"><div class=\"jr-h\"><span class=\"jr-title\">");
        Html.append(b, path.isEmpty() ? "Artifacts" : ArtifactPaths.name(path)).append("</span>");
        b.append("<span class=\"jr-dim\">").append(trail(runId, path)).append("</span></div>");
        if (entry.isDir()) {
            modelNote(b, run, path);
            folder(ctx, b, runId, path);
        } else {
            b.append("<p><a class=\"jr-download\" href=\"").append(rawHref(runId, path)).append("?download=1\">Download</a> <span class=\"jr-dim\">")
                    .append(Html.escape(Format.bytes(entry.fileSize()))).append("</span></p>");
            b.append(preview(ctx, runId, path));
        }
        b.append("</div><link rel=\"stylesheet\" href=\"/static/run.css\">");
        String crumbs = RunCrumbs.html(ctx, run) + " / <a href=\"" + Html.escape(LINKS.artifact(runId, "").orElseThrow()) + "\">artifacts</a>";
        return Response.html(Layout.page(ctx, (path.isEmpty() ? "Artifacts" : ArtifactPaths.name(path)), crumbs, b.toString()));
    }

    /** The entry at {@code path}, from its folder's listing (a REST store cannot stat one file). */
    static FileInfo find(UiContext ctx, String runId, String path) {
        for (FileInfo f : ctx.client().listArtifacts(runId, ArtifactPaths.parent(path))) {
            if (f.path().equals(path)) return f;
        }
        throw JrunsException.notFound("run " + runId + " has no artifact '" + path + "'");
    }

    /** A logged model's folder says so, and where its prediction code is. */
    private static void modelNote(StringBuilder b, Run run, String path) {
        List<RunFacts.LoggedModel> models = RunFacts.models(run);
        for (int i = 0; i < models.size(); i++) {
            if (!models.get(i).artifactPath().equals(path)) continue;
            b.append("<p class=\"jr-model-note\">A logged model (");
            Html.append(b, String.join(", ", models.get(i).flavors())).append("): <a href=\"")
                    .append(Html.escape(LINKS.run(run.runId()).orElseThrow())).append('#').append(RunFacts.modelAnchor(i))
                    .append("\">prediction code for it</a> is on the run page.</p>");
            return;
        }
    }

    private static void folder(UiContext ctx, StringBuilder b, String runId, String path) {
        List<FileInfo> files = ctx.client().listArtifacts(runId, path);
        if (files.isEmpty()) {
            b.append("<div class=\"jr-dim\">No artifacts here.</div>");
            return;
        }
        b.append("<table class=\"jr-t jr-listing\"><thead><tr><th>Name</th><th class=\"jr-n\">Size</th></tr></thead><tbody>");
        for (FileInfo f : files) {
            String name = ArtifactPaths.name(f.path());
            b.append("<tr><td><a href=\"").append(Html.escape(LINKS.artifact(runId, f.path()).orElseThrow())).append("\">");
            Html.append(b, name + (f.isDir() ? "/" : "")).append("</a></td><td class=\"jr-n\">")
                    .append(f.isDir() ? "" : Html.escape(Format.bytes(f.fileSize()))).append("</td></tr>");
        }
        b.append("</tbody></table>");
    }

    private static String preview(UiContext ctx, String runId, String path) throws Exception {
        String ext = ArtifactPaths.extension(path);
        if (IMAGES.containsKey(ext)) {
            return "<img class=\"jr-art-img\" alt=\"" + Html.escape(ArtifactPaths.name(path)) + "\" src=\"" + rawHref(runId, path) + "\">";
        }
        Path local = ctx.client().downloadArtifact(runId, path);
        return ArtifactPreview.html(local, ext, path);
    }

    static Response raw(UiContext ctx, Request r) throws Exception {
        String runId = r.param("id");
        String path = ArtifactPaths.check(r.param("path"));
        if (find(ctx, runId, path).isDir()) throw JrunsException.invalid("'" + path + "' is a folder: download its files one by one");
        byte[] bytes = Files.readAllBytes(ctx.client().downloadArtifact(runId, path));
        String image = IMAGES.get(ArtifactPaths.extension(path));
        boolean download = r.query("download").isPresent() || image == null;
        Response out = Response.bytes(image == null ? "application/octet-stream" : image, bytes);
        if (!download) return out;
        return out.asAttachment(ArtifactPaths.name(path));
    }

    static String rawHref(String runId, String path) {
        String page = LINKS.artifact(runId, path).orElseThrow();
        return Html.escape(page.replaceFirst("/artifacts(/|$)", "/artifact-raw$1"));
    }

    /** Links to each folder above {@code path}. */
    private static String trail(String runId, String path) {
        StringBuilder t = new StringBuilder("<a href=\"").append(Html.escape(LINKS.artifact(runId, "").orElseThrow())).append("\">artifacts</a>");
        if (path.isEmpty()) return t.toString();
        String[] parts = path.split("/");
        StringBuilder sofar = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            sofar.append(i == 0 ? "" : "/").append(parts[i]);
            t.append(" / <a href=\"").append(Html.escape(LINKS.artifact(runId, sofar.toString()).orElseThrow())).append("\">");
            Html.append(t, parts[i]).append("</a>");
        }
        return t.toString();
    }
}
