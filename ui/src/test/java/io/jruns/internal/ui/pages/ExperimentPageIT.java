package io.jruns.internal.ui.pages;

import io.jruns.domain.LifecycleStage;
import io.jruns.views.html.Html;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.jruns.internal.ui.pages.SeededUi.HOSTILE;
import static io.jruns.internal.ui.pages.SeededUi.QUOTES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The experiment page over HTTP, on a real server and store: filter, state, order, paging, columns, CSV, delete and restore. */
class ExperimentPageIT {
    @TempDir
    static Path home;
    static SeededUi ui;

    @BeforeAll
    static void start() throws Exception {
        ui = new SeededUi(home);
    }

    @AfterAll
    static void stop() {
        ui.close();
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String ok(String pathAndQuery) throws Exception {
        HttpResponse<String> r = ui.get(pathAndQuery);
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /** The run ids ticked-able on a page, in table order. */
    static List<String> rows(String page) {
        Matcher m = Pattern.compile("class=\"jr-sel\" name=\"run\" value=\"([^\"]+)\"").matcher(page);
        return m.results().map(x -> x.group(1)).toList();
    }

    List<String> ids(String... names) {
        return java.util.Arrays.stream(names).map(ui.ids::get).toList();
    }

    @Test
    void theActiveRunsNewestFirstNestedUnderTheirParentEachLinkedAndEscaped() throws Exception {
        String page = ok(ui.page());
        assertEquals(ids("hostile", "parent", "child-b", "child-a", "base"), rows(page), "children sit under their parent");
        assertTrue(page.contains("<tr class=\"jr-child\">"), "nested rows are marked to fold");
        assertTrue(page.contains("href=\"/runs/" + ui.ids.get("base") + "\""), "the start time opens the run page");
        assertFalse(page.contains(HOSTILE), "no hostile string reaches the page as markup");
        assertTrue(page.contains(Html.escape(HOSTILE + QUOTES)), "the hostile run name shows as text");
        assertTrue(page.contains(Html.escape(HOSTILE + " " + QUOTES)), "the hostile experiment name shows as text");
        assertTrue(page.contains("name=\"csrf\""), "the selection form carries the CSRF token");
        assertTrue(page.contains("<script src=\"/static/experiment.js\" defer></script>"));
        assertEquals(404, ui.get("/experiments/987654").statusCode());
    }

    @Test
    void theFilterLanguageSelectsRuns() throws Exception {
        String page = ok(ui.page() + "?filter=" + q("params.lr = '0.01' AND metrics.rmse > 20.5"));
        assertEquals(ids("child-b", "child-a"), rows(page));
        assertTrue(page.contains("value=\"params.lr = &#39;0.01&#39; AND metrics.rmse &gt; 20.5\"")
                || page.contains("value=\"params.lr = &#x27;0.01&#x27; AND metrics.rmse &gt; 20.5\""), "the box keeps what was typed");
    }

    @Test
    void plainWordsFindTheRunsWhoseNamesHoldThem() throws Exception {
        String page = ok(ui.page() + "?filter=" + q("CHILD"));
        assertEquals(ids("child-b", "child-a"), rows(page), "as MLflow's search box: run names, case aside");
        assertTrue(page.contains("run names containing \u201cCHILD\u201d"), "the page says how it read the words");
        assertFalse(page.contains("jr-caret"), "no syntax error for plain words");
        String csv = ui.get(ui.page() + "/runs.csv?filter=" + q("child")).body();
        assertTrue(csv.contains(",child-a,") && csv.contains(",child-b,") && !csv.contains(",base,"), csv);
    }

    @Test
    void aBadFilterShowsTheCaretUnderItsColumnAndKeepsWhatWasTyped() throws Exception {
        String typed = "params.lr = '0.01' AND <script>";
        HttpResponse<String> r = ui.get(ui.page() + "?filter=" + q(typed));
        assertEquals(200, r.statusCode(), "an error in the filter is the page's business, not a 500");
        String page = r.body();
        assertTrue(page.contains("jr-filter-error"), page);
        Matcher caret = Pattern.compile("<pre class=\"jr-caret\">(.*?)</pre>", Pattern.DOTALL).matcher(page);
        assertTrue(caret.find(), page);
        String[] lines = caret.group(1).split("\n");
        assertEquals(Html.escape(typed), lines[0]);
        assertEquals(typed.indexOf('<'), lines[1].indexOf('^'), "the caret sits under the column at fault: " + caret.group(1));
        assertTrue(lines[2].contains("(column " + (typed.indexOf('<') + 1) + ")"), lines[2]);
        assertTrue(page.contains("value=\"" + Html.escape(typed) + "\""), "the filter box keeps the text");
        assertFalse(page.contains("<script>\""), "the typed text stays text");
        assertTrue(rows(page).isEmpty());
        assertFalse(page.contains("No runs match"), "no search ran: nothing to say about its matches");
        String bad = ok(ui.page() + "?order=" + q("metrics.rmse SIDEWAYS"));
        assertTrue(bad.contains("Order: <pre class=\"jr-caret\">"), bad);
    }

    @Test
    void stateShowsDeletedRunsWithABadge() throws Exception {
        String deleted = ok(ui.page() + "?state=deleted");
        assertEquals(ids("gone"), rows(deleted));
        assertTrue(deleted.contains("<span class=\"jr-badge\">deleted</span>"));
        assertEquals(6, rows(ok(ui.page() + "?state=all")).size());
        assertFalse(ok(ui.page()).contains(ui.ids.get("gone")));
    }

    @Test
    void orderByAnyColumn() throws Exception {
        assertEquals(ids("base", "parent", "child-b", "child-a", "hostile"), rows(ok(ui.page() + "?order=" + q("metrics.rmse DESC"))),
                "by rmse (30, 20, 10), children (22, 21) under their parent, in rmse order");
        assertEquals(ids("base", "parent", "child-a", "child-b", "hostile"), rows(ok(ui.page() + "?order=" + q("start_time ASC"))));
    }

    @Test
    void pagesFollowTheStoresTokensForwardAndBack() throws Exception {
        String p1 = ok(ui.page() + "?size=2");
        assertEquals(ids("hostile", "child-b"), rows(p1), "the page's own runs");
        assertTrue(before(p1, ui.ids.get("hostile"), "jr-ctx\" title=\"not one of this page", ui.ids.get("child-b")),
                "child-b's parent, on the next page, is shown above it, not ticked-able: " + p1);
        assertFalse(p1.contains("rel=\"prev\""));
        String p2 = ok(link(p1, "next"));
        assertEquals(ids("parent", "child-a"), rows(p2));
        assertTrue(p2.contains("Runs 3\u20134 of 5"), "the count is of every matching run, not of the page: " + p2);
        assertTrue(p1.contains("Runs 1\u20132 of 5") && !p1.contains("Showing runs"), "one count, the pager's: " + p1);
        assertTrue(ok(ui.page() + "?size=2&filter=" + q("metrics.rmse >= 21")).contains("Runs 1\u20132 of 3"), "filtered: counted too");
        String p3 = ok(link(p2, "next"));
        assertEquals(ids("base"), rows(p3));
        assertFalse(p3.contains("rel=\"next\""), "the last page has no next");
        assertEquals(ids("parent", "child-a"), rows(ok(link(p3, "prev"))));
        assertEquals(ids("hostile", "child-b"), rows(ok(link(p2, "prev"))));
        assertTrue(link(p2, "next").contains("size=2"), "the links keep the form's values");
    }

    @Test
    void aPageLinkTakesTheSignInTokenBesideItsPageToken() throws Exception {
        String p2 = link(ok(ui.page() + "?size=2"), "next");
        assertTrue(p2.contains("page_token=") && !p2.matches(".*[?&]token=.*"), "the page token has a name of its own: " + p2);
        // a browser without the cookie: the page-2 link with the printed ?token= added, as the 401 asks
        HttpResponse<String> signIn = SeededUi.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                ui.url(p2 + "&token=" + ui.server.info().token()))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signIn.statusCode(), signIn.body());
        String to = signIn.headers().firstValue("Location").orElseThrow();
        assertFalse(to.contains(ui.server.info().token()), "the sign-in token is dropped: " + to);
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> page2 = ui.get(to, cookie);
        assertEquals(200, page2.statusCode(), page2.body());
        assertEquals(ids("parent", "child-a"), rows(page2.body()), "page 2, its page token kept");
        // an old link's token= is never read as a page token (it could be the sign-in token): the same search from page 1
        String old = p2.replace("page_token=", "token=");
        assertEquals(ids("hostile", "child-b"), rows(ui.get(old, cookie).body()));
    }

    /** Whether the texts come in this order in the page. */
    static boolean before(String page, String... texts) {
        int at = -1;
        for (String t : texts) {
            int next = page.indexOf(t, at + 1);
            if (next < 0) return false;
            at = next;
        }
        return true;
    }

    @Test
    void aSweepsChildrenSitUnderTheirParentOnEveryPageWithTheCountExact() throws Exception {
        SeededUi.Sweep s = ui.sweep("sweep");
        String base = "/experiments/" + s.experimentId();
        String p1 = ok(base);
        List<String> first = rows(p1);
        assertEquals(100, first.size());
        assertEquals(List.of(s.id("solo2"), s.id("solo1"), s.id("solo0"), s.id("c119")), first.subList(0, 4));
        String parentRow = "jr-ctx\" title=\"not one of this page"; // a row class ends with it
        assertEquals(1, p1.split(parentRow, -1).length - 1, "the parent, on page 2, is shown once: " + p1);
        assertTrue(before(p1, "value=\"" + s.id("solo0") + "\"", parentRow, "title=\"run " + s.id("parent") + "\"",
                "(97 on this page)", "value=\"" + s.id("c119") + "\""), "above its children, where they come: " + p1);
        assertEquals(97, p1.split("<tr class=\"jr-child\">", -1).length - 1, "every child on the page is nested, none alone");
        assertTrue(p1.contains("Runs 1\u2013100 of 124"), "the parent shown is not counted again: " + p1);
        String p2 = ok(link(p1, "next"));
        List<String> second = rows(p2);
        assertEquals(24, second.size());
        assertEquals(s.id("parent"), second.get(0), "on its own page the parent is a run of the page, its children under it");
        assertEquals(s.id("c22"), second.get(1));
        assertFalse(p2.contains(parentRow));
        assertTrue(p2.contains("Runs 101\u2013124 of 124"), p2);

        String one = ok(base + "?filter=" + q("params.k = '5'"));
        assertEquals(List.of(s.id("c5")), rows(one), "the filter leaves the parent out of the runs");
        assertTrue(before(one, parentRow, "title=\"run " + s.id("parent") + "\"", "value=\"" + s.id("c5") + "\""),
                "yet it is shown above its child, marked: " + one);
        assertTrue(one.contains("Runs 1\u20131 of 1"), one);

        ui.client.deleteRuns(List.of(s.id("parent")), true);
        String kept = ok(base);
        assertTrue(before(kept, parentRow, "title=\"run " + s.id("parent") + "\"", "<span class=\"jr-badge\">deleted</span>",
                "value=\"" + s.id("c119") + "\""), "a deleted parent is shown, marked deleted, above the children kept: " + kept);
        assertEquals(100, rows(kept).size());
        assertTrue(kept.contains("Runs 1\u2013100 of 123"), kept);
    }

    static String link(String page, String rel) {
        Matcher m = Pattern.compile("rel=\"" + rel + "\" href=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "no " + rel + " link");
        return m.group(1).replace("&amp;", "&");
    }

    @Test
    void chosenColumnsReplaceThoseThatVaryMost() throws Exception {
        String page = ok(ui.page() + "?col=params.quote");
        assertTrue(page.contains("title=\"params.quote\">quote</th>"), "the chosen column is shown");
        assertFalse(page.contains("title=\"metrics.rmse\""), "and only it");
        assertTrue(page.contains("value=\"params.quote\" checked"));
        assertTrue(page.contains(Html.escape(QUOTES + HOSTILE)), "its hostile value is text");
        assertTrue(ok(ui.page()).contains("title=\"metrics.rmse\""), "without a choice, those that vary");
    }

    @Test
    void theCsvIsTheFilteredRunsAsAnAttachmentWithFormulasNeutralised() throws Exception {
        HttpResponse<String> r = ui.get(ui.page() + "/runs.csv?filter=" + q("metrics.rmse < 25") + "&order=" + q("metrics.rmse ASC"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertEquals("attachment; filename=\"script_alert_1_script_x_y-runs.csv\"; filename*=UTF-8''script_alert_1_script_x_y-runs.csv",
                r.headers().firstValue("Content-Disposition").orElseThrow());
        String[] lines = r.body().split("\r\n");
        assertTrue(lines[0].startsWith("Run ID,Name,"), lines[0]);
        assertEquals(5, lines.length, r.body());
        assertTrue(lines[1].startsWith(ui.ids.get("hostile") + ","), "ordered by rmse: " + lines[1]);
        assertTrue(lines[1].contains(",'=1+2,"), "a formula-like cell gets a leading quote: " + lines[1]);
        assertTrue(lines[1].contains(HOSTILE), "CSV is data, not HTML: the value is as logged");
        assertTrue(lines[4].startsWith(ui.ids.get("child-b") + ","), lines[4]);
        assertEquals(400, ui.get(ui.page() + "/runs.csv?filter=" + q("params.lr =")).statusCode());
    }

    @Test
    void theCsvOfTickedRunsHoldsThemAloneAndTakesOnlyRunIds() throws Exception {
        String ticked = ui.ids.get("base") + "," + ui.ids.get("child-a");
        HttpResponse<String> r = ui.get(ui.page() + "/runs.csv?filter=" + q("metrics.rmse < 25") + "&runs=" + q(ticked));
        assertEquals(200, r.statusCode(), r.body());
        String[] lines = r.body().split("\r\n");
        assertEquals(3, lines.length, r.body());
        assertEquals(java.util.Set.of(ui.ids.get("base"), ui.ids.get("child-a")),
                java.util.Set.of(lines[1].split(",")[0], lines[2].split(",")[0]));
        HttpResponse<String> injected = ui.get(ui.page() + "/runs.csv?runs=" + q("x') OR ('1' = '1"));
        assertEquals(400, injected.statusCode());
        assertTrue(injected.body().contains("is not a run id"), injected.body());
    }

    @Test
    void createdKeepsTheRunsStartedInThatLastStretchOfTime() throws Exception {
        String exp = ui.client.createExperiment("old and new");
        long day = 86_400_000L;
        String old = ui.client.store().createRun(exp, "u", System.currentTimeMillis() - 10 * day, "old", List.of()).runId();
        String recent = ui.client.store().createRun(exp, "u", System.currentTimeMillis() - day / 2, "recent", List.of()).runId();
        String base = "/experiments/" + exp;
        assertEquals(List.of(recent, old), rows(ok(base)));
        String week = ok(base + "?created=7d&filter=" + q("attributes.run_name LIKE '%'"));
        assertEquals(List.of(recent), rows(week));
        assertTrue(week.contains("<option value=\"7d\" selected>last 7 days</option>"), "the choice stays shown");
        assertTrue(week.contains("created in the last 7 days"), "and is said in the subtitle");
        assertTrue(week.matches("(?s).*runs\\.csv\\?filter=[^\"]*&amp;created=7d&amp;since=\\d+.*"), "the CSV keeps it");
        assertEquals(List.of(recent, old), rows(ok(base + "?created=30d")));
        String bad = ok(base + "?created=7d&filter=" + q("params.x ="));
        assertTrue(bad.contains("Filter: <pre class=\"jr-caret\">params.x ="), "an error points into the filter as typed");
    }

    @Test
    void modelsKeepsTheRunsThatLoggedAModelOrThoseThatDidNot() throws Exception {
        String exp = ui.client.createExperiment("models or not");
        String plain = ui.client.createRun(exp, "plain", Map.of(), "u").runId();
        String modelled = ui.client.createRun(exp, "modelled", Map.of(), "u").runId();
        ui.client.setTag(modelled, "mlflow.log-model.history", "[{\"artifact_path\": \"model\"}]");
        String base = "/experiments/" + exp;
        String with = ok(base + "?models=with");
        assertEquals(List.of(modelled), rows(with));
        assertTrue(with.contains("<option value=\"with\" selected>with a logged model</option>"), "the choice stays shown");
        assertTrue(with.contains("\u00b7 with a logged model"), "and is said in the subtitle");
        assertTrue(with.matches("(?s).*runs\\.csv\\?models=with\".*"), "the CSV keeps it");
        assertEquals(List.of(plain), rows(ok(base + "?models=without&filter=" + q("attributes.run_name LIKE '%'"))));
        String csv = ui.get(base + "/runs.csv?models=with").body();
        assertTrue(csv.contains(modelled) && !csv.contains(plain), csv);
        String bad = ok(base + "?models=with&filter=" + q("params.x ="));
        assertTrue(bad.contains("Filter: <pre class=\"jr-caret\">params.x ="), "an error points into the filter as typed");
    }

    @Test
    void experimentsTickedOnTheHomePageShowTheirRunsInOneTable() throws Exception {
        String a = ui.client.createExperiment("team a");
        String b = ui.client.createExperiment("team b <i>");
        String runA = ui.client.createRun(a, "from a", Map.of(), "u").runId();
        Thread.sleep(5); // runB newer, so first: in one millisecond their order is a tie
        String runB = ui.client.createRun(b, "from b", Map.of(), "u").runId();
        String home = ok("/");
        assertTrue(home.contains("name=\"exp\"") && home.contains("id=\"jr-compare-exps\""), "each experiment can be ticked");
        HttpResponse<String> go = ui.get("/experiments?exp=" + a + "&exp=" + b);
        assertEquals(303, go.statusCode());
        String both = "/experiments/" + a + "," + b;
        assertEquals(both, go.headers().firstValue("Location").orElseThrow().replace("%2C", ","));
        String page = ok(both);
        assertEquals(java.util.Set.of(runA, runB), java.util.Set.copyOf(rows(page)));
        assertTrue(page.contains("team a</a> + <a href=\"/experiments/" + b + "\">team b &lt;i&gt;</a>"), "each named and linked, escaped");
        assertTrue(page.contains("<th>Run name</th><th>Experiment</th>"), "several experiments: an Experiment column: " + page);
        assertTrue(before(page, "value=\"" + runB + "\"", "<a class=\"jr-explink\" href=\"/experiments/" + b + "\" title=\"experiment "
                + b + "\">team b &lt;i&gt;</a>", "value=\"" + runA + "\"", "href=\"/experiments/" + a + "\" title=\"experiment " + a
                + "\">team a</a>"), "each run's experiment, named (escaped) and linked: " + page);
        assertFalse(ok("/experiments/" + a).contains("<th>Experiment</th>"), "one experiment: no column");
        String[] csv = ui.get(both + "/runs.csv").body().split("\r\n");
        assertEquals(3, csv.length, String.join("\n", csv));

        String cookie = ui.cookie();
        String csrf = ui.get(both, cookie).body().replaceFirst("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> del = ui.post(both + "/delete", "csrf=" + q(csrf) + "&confirm=1&run=" + runA + "&run=" + runB, cookie);
        assertEquals(303, del.statusCode(), del.body());
        assertTrue(ui.get(del.headers().firstValue("Location").orElseThrow(), cookie).body().contains("Deleted 2 runs."));
        assertEquals(LifecycleStage.DELETED, ui.client.getRun(runB).info().lifecycleStage(), "a run of the second experiment too");
        assertEquals(400, ui.post("/experiments/" + a + "/delete", "csrf=" + q(csrf) + "&run=" + runB, cookie).statusCode(),
                "a page of one experiment still refuses another's run");
        assertEquals(404, ui.get("/experiments/" + a + ",999999").statusCode());
    }

    @Test
    void deleteCanKeepTheNestedRuns() throws Exception {
        String cookie = ui.cookie();
        String page = ui.get(ui.page(), cookie).body();
        assertTrue(page.contains("name=\"keep\""), "the choice is offered beside Delete");
        String csrf = page.replaceFirst("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        String parent = ui.ids.get("parent");
        HttpResponse<String> del = ui.post(ui.page() + "/delete", "csrf=" + q(csrf) + "&confirm=1&run=" + parent + "&keep=1", cookie);
        assertEquals(303, del.statusCode(), del.body());
        assertTrue(ui.get(del.headers().firstValue("Location").orElseThrow(), cookie).body().contains("Deleted 1 run."));
        assertEquals(LifecycleStage.DELETED, ui.client.getRun(parent).info().lifecycleStage());
        assertEquals(LifecycleStage.ACTIVE, ui.client.getRun(ui.ids.get("child-a")).info().lifecycleStage(), "kept");
        ui.client.manage(ui.client.getRun(parent).info().experimentId()).restore(List.of(parent), io.jruns.store.Progress.NONE);
    }

    @Test
    void deleteAndRestoreNeedThePagesCsrfTokenAndSayWhatHappened() throws Exception {
        String cookie = ui.cookie();
        String page = ui.get(ui.page(), cookie).body();
        String csrf = page.replaceFirst("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        String parent = ui.ids.get("parent");
        String back = q("filter=" + q("metrics.rmse > 1") + "&size=50");

        assertEquals(403, ui.post(ui.page() + "/delete", "run=" + parent + "&back=" + back, cookie).statusCode(), "no CSRF token");
        assertEquals(LifecycleStage.ACTIVE, ui.client.getRun(parent).info().lifecycleStage());

        HttpResponse<String> del = ui.post(ui.page() + "/delete", "csrf=" + q(csrf) + "&confirm=1&run=" + parent + "&back=" + back, cookie);
        assertEquals(303, del.statusCode(), del.body());
        String location = del.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(ui.page() + "?filter=metrics.rmse+%3E+1&size=50&deleted=3"), location);
        assertNotNull(ui.client.getRun(parent).info().deletedTime(), "deleted_time starts the 30-day retention");
        String after = ui.get(location, cookie).body();
        assertTrue(after.contains("Deleted 3 runs."), "the parent and its two children");
        assertEquals(ids("hostile", "base"), rows(after));
        assertTrue(rows(ok(ui.page() + "?state=deleted")).containsAll(ids("parent", "child-a", "child-b")));

        assertEquals(403, ui.post(ui.page() + "/restore", "csrf=" + q(csrf) + "&run=" + parent, cookie, "http://evil.example").statusCode(),
                "a post from another site is refused even with the token");
        HttpResponse<String> res = ui.post(ui.page() + "/restore", "csrf=" + q(csrf) + "&run=" + parent, cookie, "null");
        // Origin: null is what Chromium sends for the page's own form under Referrer-Policy: no-referrer
        assertEquals(303, res.statusCode());
        assertTrue(ui.get(res.headers().firstValue("Location").orElseThrow(), cookie).body().contains("Restored 3 runs."));
        assertNull(ui.client.getRun(parent).info().deletedTime());
        assertEquals(5, rows(ok(ui.page())).size());

        String elsewhere = ui.client.createExperiment("elsewhere");
        String foreign = ui.client.createRun(elsewhere, "foreign", Map.of(), "u").runId();
        HttpResponse<String> cross = ui.post(ui.page() + "/delete", "csrf=" + q(csrf) + "&run=" + foreign, cookie);
        assertEquals(400, cross.statusCode(), "a run of another experiment, posted by hand");
        assertTrue(cross.body().contains("is not a run of experiment"), cross.body());
        assertEquals(LifecycleStage.ACTIVE, ui.client.getRun(foreign).info().lifecycleStage());
        HttpResponse<String> byName = ui.post(ui.page() + "/delete", "csrf=" + q(csrf) + "&run=parent", cookie);
        assertEquals(400, byName.statusCode(), "a name is not an id: " + byName.body());
        assertEquals(LifecycleStage.ACTIVE, ui.client.getRun(parent).info().lifecycleStage());

        HttpResponse<String> none = ui.post(ui.page() + "/delete", "csrf=" + q(csrf), cookie);
        assertTrue(ui.get(none.headers().firstValue("Location").orElseThrow(), cookie).body().contains("No runs selected"));
        HttpResponse<String> away = ui.post(ui.page() + "/delete", "csrf=" + q(csrf) + "&back=" + q("//evil.example/"), cookie);
        assertTrue(away.headers().firstValue("Location").orElseThrow().startsWith(ui.page() + "?"), "the redirect stays on the page");
    }
}
