package io.jruns.internal.ui.pages;

import io.jruns.domain.Run;
import io.jruns.domain.SystemTags;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.jruns.internal.ui.pages.RunPageFixture.HOSTILE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run, artifact and notebook pages over HTTP: content, edits read back from the store, previews, path escapes, escaping. */
class RunPageIT {
    static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    @TempDir
    static Path home;
    static RunPageFixture f;
    static String cookie;
    static String csrf;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void seed() throws Exception {
        f = new RunPageFixture(home);
        cookie = get("/?token=" + f.server.info().token()).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher m = Pattern.compile("name=\"jruns-csrf\" content=\"([^\"]+)\"").matcher(page("/runs/" + f.parentId));
        assertTrue(m.find());
        csrf = m.group(1);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(f.server.info().url() + path.substring(1))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> bearer(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(f.server.info().url() + path.substring(1)))
                .header("Authorization", "Bearer " + f.server.info().token()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String page(String path) throws Exception {
        HttpResponse<byte[]> r = bearer(path);
        assertEquals(200, r.statusCode(), path + ": " + new String(r.body(), StandardCharsets.UTF_8));
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static HttpResponse<String> post(String path, boolean withCsrf, String... fields) throws Exception {
        return postFrom(path, withCsrf, null, fields);
    }

    static HttpResponse<String> postFrom(String path, boolean withCsrf, String origin, String... fields) throws Exception {
        StringBuilder form = new StringBuilder(withCsrf ? "csrf=" + csrf : "");
        for (int i = 0; i < fields.length; i += 2) {
            form.append(form.length() == 0 ? "" : "&").append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(f.server.info().url() + path.substring(1)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        if (origin != null) b.header("Origin", origin);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Run run() {
        return f.client.getRun(f.parentId);
    }

    @Test
    void thePageHasWhatRunsShowHasLinkingIntoTheUi() throws Exception {
        String p = page("/runs/" + f.parentId);
        assertTrue(p.contains("parent " + ESCAPED), "the run's name, escaped");
        assertTrue(p.contains(ESCAPED) && p.contains("x&#39;y"), "hostile tag values are text");
        assertFalse(p.contains(HOSTILE) || p.contains("x'y"), "no raw hostile value anywhere");
        assertTrue(p.contains(">lr<") && p.contains(">loss<") && p.contains(">acc<"));
        for (String child : f.childIds) assertTrue(p.contains("href=\"/runs/" + child + "\""), "child linked");
        assertTrue(p.contains("href=\"/runs/" + f.parentId + "/notebook\""), "the Source links to the stored notebook page");
        assertTrue(p.contains("href=\"/runs/" + f.parentId + "/artifacts/data.csv\""));
        assertTrue(p.contains("<script src=\"/static/run.js\" defer></script>"));
        assertFalse(Pattern.compile("<script>|\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(p).find(), "no inline script or handler");
        String child = page("/runs/" + f.childIds.get(0));
        assertTrue(child.contains("href=\"/runs/" + f.parentId + "\""), "a child links its parent");
        assertEquals(404, bearer("/runs/0123456789abcdef0123456789abcdef").statusCode());
    }

    @Test
    void aLongHistoryIsDownsampledKeepingItsSpikeAndFast() throws Exception {
        page("/runs/" + f.parentId); // warm up
        long t0 = System.nanoTime();
        String p = page("/runs/" + f.parentId);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Matcher m = Pattern.compile("data-key=\"loss\"[^>]*data-pts=\"([^\"]*)\"").matcher(p);
        assertTrue(m.find(), "a chart for loss");
        String[] pts = m.group(1).split(";");
        assertTrue(pts.length <= 1000 && pts.length > 500, "drawn points: " + pts.length);
        double max = 0;
        for (String pt : pts) max = Math.max(max, Double.parseDouble(pt.split(",")[4]));
        assertTrue(max > 5, "the spike at step 77,777 survives downsampling: " + max);
        Matcher path = Pattern.compile("data-key=\"loss\".*?<path class=\"jr-line\" d=\"([^\"]*)\"", Pattern.DOTALL).matcher(p);
        assertTrue(path.find());
        assertTrue(path.group(1).split("[ML]").length - 1 <= 2000);
        assertTrue(p.contains("100,000 points"), "the caption counts the full history");
        assertTrue(ms < 3000, "page took " + ms + " ms");
        assertTrue(page("/runs/" + f.parentId + "?x=time").contains("data-x=\"time\""));
        assertTrue(p.contains("data-x=\"step\""));
    }

    @Test
    void tagsAreAddedEditedAndDeletedThroughFormsAndReadBack() throws Exception {
        HttpResponse<String> r = post("/runs/" + f.parentId + "/tags", true, "add", "1", "key", "stage", "value", "a <b> 'c'");
        assertEquals(303, r.statusCode(), r.body());
        assertEquals("/runs/" + f.parentId + "#tags", r.headers().firstValue("Location").orElseThrow());
        assertEquals("a <b> 'c'", run().data().tags().get("stage"));
        assertEquals(303, post("/runs/" + f.parentId + "/tags", true, "key", "stage", "value", "prod").statusCode());
        assertEquals("prod", run().data().tags().get("stage"));
        assertEquals(303, post("/runs/" + f.parentId + "/tags/delete", true, "key", "stage").statusCode());
        assertNull(run().data().tags().get("stage"));
        HttpResponse<String> forged = post("/runs/" + f.parentId + "/tags", false, "add", "1", "key", "forged", "value", "x");
        assertEquals(403, forged.statusCode(), "a form without the CSRF field is refused");
        assertNull(run().data().tags().get("forged"));
        // Chromium sends Origin: null with every form POST under the pages' no-referrer policy: the token decides
        assertEquals(303, postFrom("/runs/" + f.parentId + "/tags", true, "null", "key", "origin", "value", "null").statusCode());
        assertEquals(403, postFrom("/runs/" + f.parentId + "/tags", false, "null", "key", "forged", "value", "x").statusCode());
        assertEquals(403, postFrom("/runs/" + f.parentId + "/tags", true, "http://evil.example", "key", "forged", "value", "x").statusCode());
        assertNull(run().data().tags().get("forged"));
        assertEquals(303, post("/runs/" + f.parentId + "/tags/delete", true, "key", "origin").statusCode());
    }

    @Test
    void badInputShowsOneLineErrorAndLosesNothing() throws Exception {
        HttpResponse<String> r = post("/runs/" + f.parentId + "/tags", true, "add", "1", "key", "bad key!", "value", "kept <value>");
        assertEquals(400, r.statusCode());
        Matcher err = Pattern.compile("<p class=\"jr-formerror\" role=\"alert\">([^<\\n]+)</p>").matcher(r.body());
        assertTrue(err.find(), r.body());
        assertTrue(err.group(1).contains("invalid tag key"), err.group(1));
        assertTrue(r.body().contains("value=\"bad key!\"") && r.body().contains("value=\"kept &lt;value&gt;\""), "the typed input comes back");
        assertTrue(post("/runs/" + f.parentId + "/tags", true, "add", "1", "key", " ", "value", "v").body().contains("a tag needs a name"));
        assertEquals(400, post("/runs/" + f.parentId + "/tags", true, "add", "1", "key", "k".repeat(251), "value", "v").statusCode());
        assertEquals(400, post("/runs/" + f.parentId + "/tags", true, "add", "1", "key", "long", "value", "v".repeat(8001)).statusCode());
        HttpResponse<String> sys = post("/runs/" + f.parentId + "/tags/delete", true, "key", SystemTags.SOURCE_NAME);
        assertEquals(400, sys.statusCode());
        assertTrue(sys.body().contains("system tag"));
        assertEquals("/home/me/train.ipynb", run().data().tags().get(SystemTags.SOURCE_NAME), "system tags are read-only here");
        assertFalse(run().data().tags().containsKey("long"));
    }

    @Test
    void theNoteAndTheNameAreEdited() throws Exception {
        assertEquals(303, post("/runs/" + f.childIds.get(1) + "/note", true, "note", "first line\r\n" + HOSTILE).statusCode());
        Run c = f.client.getRun(f.childIds.get(1));
        assertEquals("first line\n" + HOSTILE, c.note().orElseThrow());
        String shown = page("/runs/" + c.runId());
        assertTrue(shown.contains("<p>first line</p>") && shown.contains(ESCAPED), "markdown, its HTML as text");
        assertEquals(303, post("/runs/" + c.runId() + "/note", true, "note", "# Heading\r\n**bold** [x](javascript:alert(1))").statusCode());
        shown = page("/runs/" + c.runId());
        assertTrue(shown.contains("<h1>Heading</h1>\n<p><strong>bold</strong> <a rel=\"noopener noreferrer nofollow\" href=\"\">x</a></p>"),
                "the note is rendered as markdown, without its script link");
        assertEquals(303, post("/runs/" + c.runId() + "/rename", true, "name", "renamed 'one'").statusCode());
        c = f.client.getRun(c.runId());
        assertEquals("renamed 'one'", c.info().runName());
        assertEquals("renamed 'one'", c.data().tags().get(SystemTags.RUN_NAME));
        HttpResponse<String> empty = post("/runs/" + c.runId() + "/rename", true, "name", "  ");
        assertEquals(400, empty.statusCode());
        assertEquals("renamed 'one'", f.client.getRun(c.runId()).info().runName());
        assertEquals(303, post("/runs/" + c.runId() + "/note", true, "note", "").statusCode());
        assertTrue(f.client.getRun(c.runId()).note().isEmpty(), "an empty note removes it");
    }

    /** The seen digest an edit form of the page carries; {@code form} is a regex for what precedes it. */
    static String seen(String page, String form) {
        Matcher m = Pattern.compile(form + "[\\s\\S]*?name=\"seen\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "no seen field after " + form);
        return m.group(1);
    }

    @Test
    void aRunLeftRunningIsEndedFromItsPageOnce() throws Exception {
        String exp = f.client.getRun(f.parentId).info().experimentId();
        // as a client of the UI's API makes it: nobody owns it
        io.jruns.store.RunStart start = f.client.store().planRun(exp, "api client", System.currentTimeMillis(), "left running",
                java.util.List.of()).orElseThrow().unowned();
        assertEquals(java.util.List.of(), f.client.store().logBatches(java.util.List.of(start), java.util.List.of(), java.util.List.of(), true));
        String id = start.info().runId();
        String shown = page("/runs/" + id);
        assertTrue(shown.contains("id=\"end-form\"") && shown.contains("<option selected>KILLED</option>"), "offered, KILLED first");
        assertTrue(!shown.contains("end-force"), "no process to warn of");
        HttpResponse<String> bad = post("/runs/" + id + "/end", true, "status", "RUNNING", "seen", seen(shown, "id=\"end-form\""));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("a run ends as KILLED, FINISHED or FAILED, not &#39;RUNNING&#39;"), bad.body());
        assertEquals(303, post("/runs/" + id + "/end", true, "status", "FAILED", "seen", seen(shown, "id=\"end-form\"")).statusCode());
        Run ended = f.client.getRun(id);
        assertEquals(io.jruns.domain.RunStatus.FAILED, ended.info().status());
        assertTrue(ended.info().endTime() != null && ended.info().endTime() > 0);
        assertTrue(!page("/runs/" + id).contains("id=\"end-form\""), "an ended run has no End form");
        HttpResponse<String> late = post("/runs/" + id + "/end", true, "status", "KILLED", "seen", seen(shown, "id=\"end-form\""));
        assertEquals(409, late.statusCode(), "a tab still showing it RUNNING does not end it again");
        assertTrue(late.body().contains("this run has ended meanwhile (FAILED): nothing was changed"), late.body());
        assertEquals(io.jruns.domain.RunStatus.FAILED, f.client.getRun(id).info().status());
        assertTrue(!page("/runs/" + f.parentId).contains("id=\"end-form\"") || !f.client.getRun(f.parentId).info().status().isTerminated());
    }

    @Test
    void aRunItsLiveProcessLogsIsEndedOnlyWhenForced() throws Exception {
        String exp = f.client.getRun(f.parentId).info().experimentId();
        // started by this process, which serves the page: as a kernel's own runs under %ui
        String id = f.client.store().createRun(exp, "me", System.currentTimeMillis(), "still training", java.util.List.of()).runId();
        String shown = page("/runs/" + id);
        assertTrue(shown.contains("This run is still being logged by this process (" + ProcessHandle.current().pid() + "), which is alive")
                && shown.contains("id=\"end-force\""), shown);
        HttpResponse<String> refused = post("/runs/" + id + "/end", true, "status", "KILLED", "seen", seen(shown, "id=\"end-form\""));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("is still being logged by this process"), refused.body());
        assertEquals(io.jruns.domain.RunStatus.RUNNING, f.client.getRun(id).info().status());
        assertEquals(303, post("/runs/" + id + "/end", true, "status", "KILLED", "force", "on",
                "seen", seen(shown, "id=\"end-form\"")).statusCode());
        assertEquals(io.jruns.domain.RunStatus.KILLED, f.client.getRun(id).info().status());
    }

    @Test
    void aChangeMadeMeanwhileIsNotOverwrittenUnseen() throws Exception {
        String id = f.childIds.get(2);
        String tabA = page("/runs/" + id);
        String tabB = page("/runs/" + id);
        assertEquals(303, post("/runs/" + id + "/note", true, "note", "from B", "seen", seen(tabB, "id=\"note-form\"")).statusCode());
        HttpResponse<String> late = post("/runs/" + id + "/note", true, "note", "from A", "seen", seen(tabA, "id=\"note-form\""));
        assertEquals(409, late.statusCode());
        assertTrue(late.body().contains("this was changed to &#39;from B&#39; since the page was loaded"), late.body());
        assertTrue(late.body().contains(">\nfrom A</textarea>"), "what A typed comes back");
        assertEquals("from B", f.client.getRun(id).note().orElseThrow(), "B's note is kept");
        assertEquals(303, post("/runs/" + id + "/note", true, "note", "from A", "seen", seen(late.body(), "id=\"note-form\"")).statusCode(),
                "submitting again, having seen B's note, replaces it");
        assertEquals("from A", f.client.getRun(id).note().orElseThrow());

        f.client.setTag(id, "owner", "ann");
        String shown = page("/runs/" + id);
        f.client.setTag(id, "owner", "bob");
        HttpResponse<String> tag = post("/runs/" + id + "/tags", true, "key", "owner", "value", "cat", "seen", seen(shown, "data-tag=\"owner\">"));
        assertEquals(409, tag.statusCode());
        assertEquals("bob", f.client.getRun(id).data().tags().get("owner"));
        HttpResponse<String> del = post("/runs/" + id + "/tags/delete", true, "key", "owner", "seen", seen(shown, "data-tag=\"owner\">[\\s\\S]*?/tags/delete\""));
        assertEquals(409, del.statusCode(), "a value changed meanwhile is not deleted unseen");
        HttpResponse<String> add = post("/runs/" + id + "/tags", true, "add", "1", "key", "owner", "value", "dan");
        assertEquals(400, add.statusCode());
        assertTrue(add.body().contains("the run has a tag &#39;owner&#39; already (value &#39;bob&#39;)"), add.body());
        f.client.deleteTag(id, "owner");
        assertEquals(303, post("/runs/" + id + "/tags", true, "key", "owner", "value", "cat", "seen", seen(shown, "data-tag=\"owner\">")).statusCode(),
                "a tag removed meanwhile is added back with what was typed");
        assertEquals("cat", f.client.getRun(id).data().tags().get("owner"));

        String named = page("/runs/" + id);
        f.client.rename(id, "renamed by the run");
        assertEquals(409, post("/runs/" + id + "/rename", true, "name", "mine", "seen", seen(named, "id=\"rename-form\"")).statusCode());
        assertEquals("renamed by the run", f.client.getRun(id).info().runName());
    }

    @Test
    void artifactsAreBrowsedPreviewedAndDownloaded() throws Exception {
        String root = page("/runs/" + f.parentId + "/artifacts");
        assertTrue(root.contains("href=\"/runs/" + f.parentId + "/artifacts/notebook\"") && root.contains(">notebook/<"));
        assertTrue(root.contains("odd &lt;b&gt; &#39;x&#39;.txt") && !root.contains("odd <b>"), "a hostile artifact name is text");
        assertFalse(root.contains("link-out.txt"), "a link out of the run is not listed");
        String csv = page("/runs/" + f.parentId + "/artifacts/data.csv");
        assertTrue(csv.contains("<th>name</th><th>score</th>") && csv.contains("<td>a, quoted</td>") && csv.contains("<td>" + ESCAPED + "</td>"));
        assertTrue(csv.contains("href=\"/runs/" + f.parentId + "/artifact-raw/data.csv?download=1\""));
        String json = page("/runs/" + f.parentId + "/artifacts/info.json");
        assertTrue(json.contains("&quot;a&quot; : 1") && json.contains(ESCAPED), "pretty-printed, escaped");
        String png = page("/runs/" + f.parentId + "/artifacts/plot.png");
        assertTrue(png.contains("<img class=\"jr-art-img\" alt=\"plot.png\" src=\"/runs/" + f.parentId + "/artifact-raw/plot.png\">"));
        HttpResponse<byte[]> raw = bearer("/runs/" + f.parentId + "/artifact-raw/plot.png");
        assertEquals("image/png", raw.headers().firstValue("Content-Type").orElseThrow());
        Path stored = Path.of(URI.create(run().info().artifactUri())).resolve("plot.png");
        assertArrayEquals(Files.readAllBytes(stored), raw.body());
        HttpResponse<byte[]> dl = bearer("/runs/" + f.parentId + "/artifact-raw/data.csv?download=1");
        assertTrue(dl.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment; filename=\"data.csv\""));
        assertTrue(bearer("/runs/" + f.parentId + "/artifact-raw/info.json").headers().firstValue("Content-Disposition").orElseThrow()
                .startsWith("attachment"), "only images are served inline");
        String nb = page("/runs/" + f.parentId + "/artifacts/notebook/train.ipynb");
        assertTrue(nb.contains("&lt;script&gt;alert(2)&lt;/script&gt;") && !nb.contains("<script>alert(2)"));
        assertEquals(404, bearer("/runs/" + f.parentId + "/artifacts/nope.txt").statusCode());
    }

    @Test
    void artifactPathsNeverLeaveTheRun() throws Exception {
        String base = "/runs/" + f.parentId;
        for (String p : new String[]{base + "/artifacts/../../../../secret.txt", base + "/artifacts/%2e%2e/%2e%2e/%2e%2e/secret.txt",
                base + "/artifact-raw/%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.txt", base + "/artifact-raw/%2F" + f.outside.toString().substring(1),
                base + "/artifacts/notebook/..%2F..%2Fsecret.txt", base + "/artifact-raw/link-out.txt", base + "/artifacts/link-out.txt",
                base + "/artifact-raw/a%5C..%5C..%5Csecret.txt", base + "/artifact-raw//etc/passwd"}) {
            String answer = rawGet(p);
            String status = answer.substring(0, answer.indexOf("\r\n"));
            assertFalse(status.contains(" 200 "), p + " -> " + status);
            assertFalse(answer.contains("TOP-SECRET-OUTSIDE") || answer.contains("root:x:"), p + " leaked: " + answer);
        }
    }

    /** Sent as typed, over a socket: java.net.URI would normalize the dots away before the server saw them. */
    static String rawGet(String path) throws Exception {
        URI u = URI.create(f.server.info().url());
        try (Socket s = new Socket(u.getHost(), u.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + u.getHost() + ":" + u.getPort() + "\r\nAuthorization: Bearer "
                    + f.server.info().token() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theNotebookVersionMarksTheLoggedCellsAndRendersNothingAsMarkup() throws Exception {
        String p = page("/runs/" + f.parentId + "/notebook");
        assertTrue(p.contains("class=\"jr-cell jr-cell-code jr-logged\" data-cell-id=\"c2\""), "c2 started the run");
        assertTrue(p.contains("class=\"jr-cell jr-cell-code jr-logged\" data-cell-id=\"c3\""));
        assertTrue(p.contains("class=\"jr-cell jr-cell-md\" data-cell-id=\"c1\""));
        assertTrue(p.contains("class=\"jr-cell jr-cell-code jr-logged\" data-cell-id=\"c4\"><div class=\"jr-cell-tag\">ended the run"));
        assertTrue(p.contains("data-cell-id=\"c2\"><div class=\"jr-cell-tag\">started the run</div>"));
        assertEquals(3, p.split("jr-cell-tag\"", -1).length - 1);
        assertTrue(p.contains("as stored with the run; 3 cells marked"), "the count is of the marked cells, not of the ids logged");
        String runbar = p.substring(p.indexOf("jr-runbar\">"), p.indexOf("</div>", p.indexOf("jr-runbar"))).replaceAll("<[^>]*>", "");
        String time = io.jruns.views.format.Format.time(f.client.getRun(f.parentId).info().startTime());
        assertEquals(1, runbar.split(java.util.regex.Pattern.quote(time), -1).length - 1, "the time shown once: " + runbar);
        assertTrue(p.contains("&lt;script&gt;alert(2)&lt;/script&gt;") && p.contains("&lt;img src=x id=evil&gt;") && p.contains("started &lt;i&gt;run"));
        assertFalse(p.contains("<script>alert(2)") || p.contains("id=evil>") || p.contains("<i>run"));
        assertTrue(p.contains("src=\"data:image/png;base64,iVBORw0KGgo"));
        assertTrue(p.contains("<pre id=\"reproduce\" class=\"jr-cmd\">jruns reproduce " + f.parentId + "</pre>"));
        assertTrue(p.contains("data-copy=\"reproduce\""));
        Matcher doc = Pattern.compile("(docs/[\\w-]+\\.md)").matcher(p);
        assertTrue(doc.find(), "the page names the doc on reproducing");
        Path named = Path.of("..").resolve(doc.group(1));
        assertTrue(Files.isRegularFile(named) && Files.readString(named).contains("## Reproducing a run"), doc.group(1) + " tells how (run from the ui module)");
        assertTrue(p.contains("class=\"jr-runbar\"") && p.contains("parent " + ESCAPED));
        String none = page("/runs/" + f.childIds.get(2) + "/notebook");
        assertTrue(none.contains("has no stored notebook version"));
        assertNotEquals(200, bearer("/runs/nope-nope/notebook").statusCode());
    }

    @Test
    void loggedModelsComeWithTheirPredictionSnippetsAndACopyButton() throws Exception {
        String p = page("/runs/" + f.parentId);
        assertTrue(p.contains("jr-snippet-tablesaw") && p.contains("jr-snippet-spark"));
        assertTrue(p.contains("runs:/" + f.parentId + "/model"), "the snippet loads the model by its URI");
        assertTrue(p.contains("<button type=\"button\" class=\"jr-copy\" data-copy=\"snippet-0\">Copy</button>"));
        assertTrue(p.contains("<a href=\"/runs/" + f.parentId + "#model-0\" title=\"prediction code for this model\">model</a>"),
                "the model's name links to its code");
        String folder = page("/runs/" + f.parentId + "/artifacts/model");
        assertTrue(folder.contains("prediction code for it</a> is on the run page") && folder.contains("#model-0\""), folder);
        assertTrue(!page("/runs/" + f.parentId + "/artifacts").contains("prediction code for it"), "only the model's own folder says so");
    }

    @Test
    void aRunWithManyChildrenLinksToThemAll() throws Exception {
        String exp = f.client.getRun(f.parentId).info().experimentId();
        String parent = f.client.createRun(exp, "big sweep", java.util.Map.of(), "me").runId();
        for (int c = 0; c < 14; c++) {
            f.client.createRun(exp, "c" + c, java.util.Map.of(io.jruns.domain.SystemTags.PARENT_RUN_ID, parent), "me");
        }
        String p = page("/runs/" + parent);
        java.util.regex.Matcher m = Pattern.compile("<a href=\"([^\"]+)\">and 2 more</a>").matcher(p);
        assertTrue(m.find(), p);
        String all = page(m.group(1).replace("&amp;", "&").replace("&#39;", "'"));
        for (int c = 0; c < 14; c++) assertTrue(all.contains(">c" + c + "<"), "c" + c + " listed");
        assertTrue(!all.contains("value=\"" + parent + "\"") && !all.contains(">child 0<"),
                "its children only (the parent above them is a context row, not one of the runs)");
    }
}
