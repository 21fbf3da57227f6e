package io.jruns.internal.ui.pages;

import io.jruns.domain.LifecycleStage;
import io.jruns.domain.SystemTags;
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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Delete asks first, counting the nested runs that go with the ticked ones; nothing changes until
 * the answer is posted. Delete takes the ticked active runs and Restore the deleted ones; a post of none is told why.
 */
class DeleteConfirmIT {
    @TempDir
    static Path home;
    static SeededUi ui;
    static String cookie;
    static String csrf;

    @BeforeAll
    static void start() throws Exception {
        ui = new SeededUi(home);
        cookie = ui.cookie();
        csrf = ui.get(ui.page(), cookie).body().replaceFirst("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
    }

    @AfterAll
    static void stop() {
        ui.close();
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A tree of its own: root, two children, a grandchild, and a child deleted already (not counted). */
    static Map<String, String> tree(String experiment) {
        String exp = ui.client.createExperiment(experiment);
        String root = ui.client.createRun(exp, "root <b>", Map.of(), "u").runId();
        String a = ui.client.createRun(exp, "a", Map.of(SystemTags.PARENT_RUN_ID, root), "u").runId();
        String b = ui.client.createRun(exp, "b", Map.of(SystemTags.PARENT_RUN_ID, root), "u").runId();
        String aa = ui.client.createRun(exp, "aa", Map.of(SystemTags.PARENT_RUN_ID, a), "u").runId();
        String gone = ui.client.createRun(exp, "gone", Map.of(SystemTags.PARENT_RUN_ID, root), "u").runId();
        ui.client.flush();
        ui.client.deleteRuns(gone);
        return Map.of("exp", exp, "root", root, "a", a, "b", b, "aa", aa, "gone", gone);
    }

    /** Posts the confirmation page's own form, every field as the page holds it. */
    static HttpResponse<String> answer(String confirmPage, String action) throws Exception {
        String form = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(confirmPage).results()
                .map(m -> q(m.group(1)) + "=" + q(m.group(2).replace("&amp;", "&"))).collect(Collectors.joining("&"));
        return ui.post(action, form, cookie);
    }

    @Test
    void deleteAsksHowManyRunsGoWithNestedOnesAtAnyDepthThenDeletes() throws Exception {
        Map<String, String> t = tree("asks");
        String page = "/experiments/" + t.get("exp");
        HttpResponse<String> ask = ui.post(page + "/delete", "csrf=" + q(csrf) + "&run=" + t.get("root") + "&back=" + q("size=50"), cookie);
        assertEquals(200, ask.statusCode(), "a question, not a redirect: " + ask.body());
        assertTrue(ask.body().contains("Delete 1 run and its 3 nested runs?"), ask.body());
        assertTrue(ask.body().contains("<li>root &lt;b&gt;</li>"), "the ticked run named, escaped");
        assertTrue(ask.body().contains("name=\"csrf\" value=\"") && ask.body().contains("name=\"confirm\" value=\"1\""));
        assertTrue(ask.body().contains("<a id=\"jr-cancel\" href=\"" + page + "?size=50\">Cancel</a>"), "cancel goes back to the page");
        for (String k : List.of("root", "a", "b", "aa")) {
            assertEquals(LifecycleStage.ACTIVE, ui.client.getRun(t.get(k)).info().lifecycleStage(), k + ": nothing deleted yet");
        }
        HttpResponse<String> done = answer(ask.body(), page + "/delete");
        assertEquals(303, done.statusCode(), done.body());
        String location = done.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(page + "?size=50&deleted=4"), location);
        assertTrue(ui.get(location, cookie).body().contains("Deleted 4 runs."));
        for (String k : List.of("root", "a", "b", "aa")) {
            assertEquals(LifecycleStage.DELETED, ui.client.getRun(t.get(k)).info().lifecycleStage(), k);
        }
    }

    @Test
    void theQuestionCountsWhatTheDeleteTakesOnAPageOfTwoExperiments() throws Exception {
        Map<String, String> t = tree("counted home");
        String other = ui.client.createExperiment("counted away");
        String away = ui.client.createRun(other, "away", Map.of(SystemTags.PARENT_RUN_ID, t.get("root")), "u").runId();
        ui.client.flush();
        String page = "/experiments/" + t.get("exp") + "," + other;
        HttpResponse<String> ask = ui.post(page + "/delete", "csrf=" + q(csrf) + "&run=" + t.get("root"), cookie);
        assertTrue(ask.body().contains("Delete 1 run and its 3 nested runs?"), "the child in the other experiment stays: " + ask.body());
        HttpResponse<String> done = answer(ask.body(), page + "/delete");
        assertTrue(done.headers().firstValue("Location").orElseThrow().contains("deleted=4"), "as asked");
        assertEquals(LifecycleStage.ACTIVE, ui.client.getRun(away).info().lifecycleStage());
    }

    @Test
    void keepingNestedRunsSaysTheyStayAndTickedChildrenAreNotCountedTwice() throws Exception {
        Map<String, String> t = tree("keeps");
        String page = "/experiments/" + t.get("exp");
        String keep = ui.post(page + "/delete", "csrf=" + q(csrf) + "&run=" + t.get("root") + "&keep=1", cookie).body();
        assertTrue(keep.contains("Delete 1 run (its 3 nested runs stay)?"), keep);
        assertTrue(keep.contains("name=\"keep\" value=\"1\""), "the choice goes with the answer");
        String both = ui.post(page + "/delete", "csrf=" + q(csrf) + "&run=" + t.get("root") + "&run=" + t.get("a"), cookie).body();
        assertTrue(both.contains("Delete 2 runs and their 2 nested runs?"), both);
        HttpResponse<String> kept = answer(keep, page + "/delete");
        assertEquals(303, kept.statusCode());
        assertEquals(LifecycleStage.DELETED, ui.client.getRun(t.get("root")).info().lifecycleStage());
        assertEquals(LifecycleStage.ACTIVE, ui.client.getRun(t.get("aa")).info().lifecycleStage(), "kept");
    }

    @Test
    void theAnswerNeedsTheCsrfTokenToo() throws Exception {
        Map<String, String> t = tree("csrf");
        String page = "/experiments/" + t.get("exp");
        assertEquals(403, ui.post(page + "/delete", "run=" + t.get("root"), cookie).statusCode(), "the question needs it");
        assertEquals(403, ui.post(page + "/delete", "run=" + t.get("root") + "&confirm=1", cookie).statusCode(), "the answer too");
        assertFalse(ui.client.getRun(t.get("root")).info().lifecycleStage() == LifecycleStage.DELETED);
    }

    @Test
    void deleteOfDeletedRunsOrRestoreOfActiveOnesChangesNothingAndSaysWhy() throws Exception {
        Map<String, String> t = tree("refusals");
        String page = "/experiments/" + t.get("exp");
        String gone = t.get("gone");

        HttpResponse<String> restore = ui.post(page + "/restore", "csrf=" + q(csrf) + "&run=" + t.get("b") + "&back=" + q("size=50"), cookie);
        assertEquals(303, restore.statusCode(), restore.body());
        String location = restore.headers().firstValue("Location").orElseThrow();
        assertTrue(location.equals(page + "?size=50&none=deleted"), location);
        String told = ui.get(location, cookie).body();
        assertTrue(told.contains("<p class=\"jr-filter-error\" role=\"alert\">Nothing restored: the ticked runs are not deleted"), told);
        assertFalse(told.contains("Restored"), told);

        for (String confirm : List.of("", "&confirm=1")) {
            HttpResponse<String> del = ui.post(page + "/delete", "csrf=" + q(csrf) + confirm + "&run=" + gone, cookie);
            assertEquals(303, del.statusCode(), "no question about nothing: " + del.body());
            String body = ui.get(del.headers().firstValue("Location").orElseThrow(), cookie).body();
            assertTrue(body.contains("Nothing deleted: the ticked runs are deleted already"), body);
        }

        String mixed = ui.post(page + "/delete", "csrf=" + q(csrf) + "&run=" + gone + "&run=" + t.get("b"), cookie).body();
        assertTrue(mixed.contains("Delete 1 run?") && mixed.contains("<li>b</li>") && !mixed.contains("<li>gone</li>"),
                "the active run alone is asked about: " + mixed);
        assertFalse(mixed.contains("value=\"" + gone + "\""), "and posted");
        HttpResponse<String> restored = ui.post(page + "/restore", "csrf=" + q(csrf) + "&run=" + gone + "&run=" + t.get("b"), cookie);
        assertTrue(ui.get(restored.headers().firstValue("Location").orElseThrow(), cookie).body().contains("Restored 1 run."));
        assertEquals(LifecycleStage.ACTIVE, ui.client.getRun(gone).info().lifecycleStage());
    }
}
