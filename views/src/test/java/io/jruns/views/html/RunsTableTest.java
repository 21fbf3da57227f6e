package io.jruns.views.html;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Run;
import io.jruns.views.Rendered;
import io.jruns.views.Runs;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunsTableTest {
    static final String HOSTILE = "<img src=x onerror=alert(1)>";
    static final long NOW = 1_700_000_100_000L;

    static Rendered render(List<Run> runs, int page, int size, List<String> columns) {
        return RunsTable.render(new RunsTable.View("Experiment Runs", "demo", runs, page, size, columns, NOW,
                p -> "%runs --page " + p, false));
    }

    static List<Run> many(int n) {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            runs.add(Runs.run("run " + i, Map.of("alpha", String.valueOf(i % 7), "seed", "42", "kind", i % 2 == 0 ? "tree" : "linear"),
                    Map.of("rmse", 1.0 / (i + 1), "r2", 0.5), Map.of()));
        }
        return runs;
    }

    @Test
    void everyUserStringIsTextNeverMarkup() {
        Run evil = Runs.run(HOSTILE, Map.of(HOSTILE, HOSTILE), Map.of(HOSTILE, 1.0),
                Map.of("mlflow.source.name", "/nb/" + HOSTILE + ".ipynb", "mlflow.user", HOSTILE, "jruns.notebook.revision", "\"><script>x</script>"));
        Rendered o = render(List.of(evil), 1, 100, List.of());
        Document d = Xhtml.parse(o.html());
        assertEquals(List.of(), Xhtml.all(d, "img"));
        assertEquals(List.of(), Xhtml.all(d, "script"));
        assertTrue(d.getDocumentElement().getTextContent().contains(HOSTILE));
        assertFalse(o.html().contains("<img"));
    }

    @Test
    void aPageThatStartsInsideAFamilyShowsWhatItIsNestedInFirst() {
        Run parent = Runs.run("parent", Map.of(), Map.of(), Map.of());
        Run kid = Runs.run("kid", Map.of(), Map.of(), Map.of("mlflow.parentRunId", parent.runId()));
        Run grandkid = Runs.run("grandkid", Map.of(), Map.of(), Map.of("mlflow.parentRunId", kid.runId()));
        Run other = Runs.run("other", Map.of(), Map.of(), Map.of());
        List<Run> runs = List.of(parent, kid, grandkid, other);
        Rendered second = render(runs, 2, 2, List.of());
        List<String> names = second.text().lines().filter(l -> l.contains("parent") || l.contains("kid") || l.contains("other"))
                .map(l -> l.replaceAll("^\\S+ \\S+\\s+", "").replaceAll("\\s{2,}\\S.*$", "").strip()).toList();
        assertEquals(List.of("parent (continued)", "\u21B3 kid (continued)", "\u21B3 grandkid", "other"), names, second.text());
        assertTrue(second.text().contains("Showing runs 3\u20134 of 4."), "context rows are not counted: " + second.text());
        Document d = Xhtml.parse(second.html());
        assertEquals(2, Xhtml.withClass(d, "tr", "jr-ctx").size());
        assertEquals(List.of(), Xhtml.withClass(Xhtml.parse(render(runs, 1, 2, List.of()).html()), "tr", "jr-ctx"),
                "a page that starts a family repeats nothing");
    }

    @Test
    void nestedRunsSitUnderTheirParentInOneFoldableGroup() {
        Run parent = Runs.run("parent", Map.of(), Map.of(), Map.of());
        Run c1 = Runs.run("c1", Map.of(), Map.of(), Map.of("mlflow.parentRunId", parent.runId()));
        Run c2 = Runs.run("c2", Map.of(), Map.of(), Map.of("mlflow.parentRunId", parent.runId()));
        Run other = Runs.run("other", Map.of(), Map.of(), Map.of());
        Document d = Xhtml.parse(render(List.of(c2, other, c1, parent), 1, 100, List.of()).html());
        List<Element> groups = Xhtml.all(d, "tbody");
        assertEquals(2, groups.size(), "one tbody per top-level run and its children");
        assertEquals(1, groups.get(0).getElementsByTagName("tr").getLength());
        assertEquals(3, groups.get(1).getElementsByTagName("tr").getLength());
        assertEquals(2, Xhtml.withClass(d, "tr", "jr-child").size());
        assertEquals(1, Xhtml.withClass(d, "input", "jr-tg").size(), "a fold toggle on the parent only");
    }

    @Test
    void pagesShowAHundredRowsAndSayHowManyMoreAndHow() {
        List<Run> runs = many(250);
        Rendered first = render(runs, 1, 100, List.of());
        Document d = Xhtml.parse(first.html());
        assertEquals(100, Xhtml.all(d, "tbody").stream().mapToInt(t -> t.getElementsByTagName("tr").getLength()).sum());
        assertTrue(first.html().contains("Showing runs 1\u2013100 of 250; 150 more: %runs --page 2 (up to 1,000 a page with --max N)."), first.html());
        Rendered last = render(runs, 3, 100, List.of());
        assertTrue(last.text().contains("Showing runs 201\u2013250 of 250."), last.text());
        assertEquals("Experiment Runs: demo\nPage 4 is past the end: 250 runs, 100 a page.\n",
                render(runs, 4, 100, List.of()).text(), "headed as every page is");
    }

    @Test
    void whenTheSearchStoppedAtItsLimitTheLineSaysMoreThanAndSuggestsAFilter() {
        Rendered o = RunsTable.render(new RunsTable.View("Experiment Runs", "demo", many(300), 1, 100, List.of(), NOW,
                p -> "%runs --page " + p, true));
        assertTrue(o.text().contains("Showing runs 1\u2013100 of more than 300; see more with %runs --page 2 "
                + "(up to 1,000 a page with --max N), or narrow them with a filter."), o.text());
        Rendered beyond = RunsTable.render(new RunsTable.View("Experiment Runs", "demo", many(300), 9, 100, List.of(), NOW,
                p -> "%runs --page " + p, true));
        assertTrue(beyond.text().contains("Page 9 is past the first 300 runs, as far as this view pages; narrow them with a"
                + " filter to reach the rest."), "the runs exist: not 'past the end': " + beyond.text());
    }

    @Test
    void columnsAreTheKeysThatVaryMostOrTheNamedOnes() {
        List<Run> runs = many(10);
        Document d = Xhtml.parse(render(runs, 1, 100, List.of()).html());
        List<String> heads = Xhtml.all(d, "th").stream().map(Element::getTextContent).toList();
        assertTrue(heads.containsAll(List.of("alpha", "kind", "seed", "rmse", "r2")), heads.toString());
        assertTrue(heads.indexOf("alpha") < heads.indexOf("kind") && heads.indexOf("kind") < heads.indexOf("seed"),
                "params by how much they vary: " + heads);
        Document named = Xhtml.parse(render(runs, 1, 100, List.of("metrics.r2", "kind")).html());
        List<String> namedHeads = Xhtml.all(named, "th").stream().map(Element::getTextContent).toList();
        assertTrue(namedHeads.contains("r2") && namedHeads.contains("kind") && !namedHeads.contains("alpha"), namedHeads.toString());
        JrunsException e = assertThrows(JrunsException.class, () -> render(runs, 1, 100, List.of("nope")));
        assertTrue(e.getMessage().startsWith("--columns: no run has a param or metric 'nope'"), e.getMessage());
    }

    @Test
    void numbersAreRightAlignedAndTextIsNot() {
        Document d = Xhtml.parse(render(many(3), 1, 100, List.of("kind", "alpha", "rmse")).html());
        List<Element> cells = childCells(Xhtml.all(d, "tr").get(2)); // after the two header rows
        int n = cells.size();
        assertFalse(cells.get(n - 3).getAttribute("class").contains("jr-n"), "kind is text");
        assertTrue(cells.get(n - 2).getAttribute("class").contains("jr-n"), "alpha is a number");
        assertTrue(cells.get(n - 1).getAttribute("class").contains("jr-n"), "rmse is a number");
    }

    @Test
    void tenThousandRunsRenderAsOnePageWellUnderHalfAMegabyte() {
        List<Run> runs = many(10_000);
        Rendered o = render(runs, 1, 100, List.of());
        assertTrue(o.html().length() < 500_000, o.html().length() + " characters");
        assertTrue(o.text().contains("of 10,000"));
    }

    @Test
    void theTextVersionIsATableForConsoles() {
        String text = render(many(2), 1, 100, List.of()).text();
        assertTrue(text.startsWith("Experiment Runs: demo\nStart time"), text);
        assertTrue(text.contains("\u2713 Finished"), text);
    }

    private static List<Element> childCells(Element tr) {
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < tr.getChildNodes().getLength(); i++) {
            if (tr.getChildNodes().item(i) instanceof Element e && e.getTagName().equals("td")) out.add(e);
        }
        return out;
    }

    @Test
    void withAUiStartTimesLinkToRunPagesAndRowsCanBeSelected() {
        List<Run> runs = List.of(Runs.run(HOSTILE, Map.of(), Map.of(), Map.of()));
        Document plain = Xhtml.parse(render(runs, 1, 10, List.of()).html());
        assertEquals(List.of(), Xhtml.all(plain, "a"), "no UI: no links");
        assertEquals(List.of(), Xhtml.all(plain, "input").stream().filter(e -> e.getAttribute("name").equals("run")).toList());
        Document d = Xhtml.parse(RunsTable.render(new RunsTable.View("Experiment Runs", "demo", runs, 1, 10, List.of(), NOW,
                p -> "", false, io.jruns.views.Links.ui("/"), true)).html());
        Element a = Xhtml.all(d, "a").get(0);
        assertEquals("/runs/" + runs.get(0).runId(), a.getAttribute("href"));
        Element box = Xhtml.all(d, "input").stream().filter(e -> e.getAttribute("name").equals("run")).findFirst().orElseThrow();
        assertEquals(runs.get(0).runId(), box.getAttribute("value"));
        assertEquals("select run " + HOSTILE, box.getAttribute("aria-label"), "the name is an escaped attribute");
    }

    @Test
    void aPageAloneShowsTheParentOfItsChildrenFromAnotherPageAboveThemUncountedAndUnselectable() {
        Run parent = Runs.run("parent", Map.of(), Map.of(), Map.of());
        Run solo = Runs.run("solo", Map.of(), Map.of(), Map.of());
        Run kid2 = Runs.run("kid 2", Map.of(), Map.of(), Map.of("mlflow.parentRunId", parent.runId()));
        Run kid1 = Runs.run("kid 1", Map.of(), Map.of(), Map.of("mlflow.parentRunId", parent.runId()));
        RunsTable.View page = new RunsTable.View("Experiment Runs", "demo", List.of(solo, kid2, kid1), 1, 3, List.of(), NOW,
                p -> "%runs --page " + p, false, io.jruns.views.Links.ui("/"), true, 10);
        Rendered o = RunsTable.render(page.withParents(List.of(parent)));
        List<String> names = o.text().lines().filter(l -> l.contains("solo") || l.contains("kid") || l.contains("parent"))
                .map(l -> l.replaceAll("^\\S+ \\S+\\s+", "").replaceAll("\\s{2,}\\S.*$", "").strip()).toList();
        assertEquals(List.of("solo", "parent (parent, not on this page)", "\u21B3 kid 2", "\u21B3 kid 1"), names, o.text());
        assertTrue(o.text().contains("Showing runs 1\u20133 of 10;"), "the parent is not one of the page's runs: " + o.text());
        Document d = Xhtml.parse(o.html());
        List<String> boxes = Xhtml.all(d, "input").stream().filter(e -> e.getAttribute("name").equals("run"))
                .map(e -> e.getAttribute("value")).toList();
        assertEquals(List.of(solo.runId(), kid2.runId(), kid1.runId()), boxes, "select all and Delete never reach the parent");
        Element ctx = Xhtml.all(d, "tr").stream().filter(e -> e.getAttribute("class").contains("jr-ctx")).findFirst().orElseThrow();
        assertTrue(ctx.getTextContent().contains("parent") && ctx.getTextContent().contains("(2 on this page)"), ctx.getTextContent());
        assertEquals(o.html(), RunsTable.render(page.withParents(List.of(parent)).withExperiments(Map.of("1", "one"))).html(),
                "one experiment: no Experiment column");
    }

    @Test
    void aTableOfSeveralExperimentsNamesAndLinksEachRunsExperiment() {
        Run a = Runs.run("a", Map.of(), Map.of(), Map.of());
        RunsTable.View v = new RunsTable.View("Experiment Runs", "demo", List.of(a), 1, 10, List.of(), NOW, p -> "", false,
                io.jruns.views.Links.ui("/"), false);
        Rendered one = RunsTable.render(v);
        assertFalse(one.html().contains(">Experiment<") || one.text().contains(" Experiment "), "one experiment: no column");
        Rendered two = RunsTable.render(v.withExperiments(Map.of("1", HOSTILE, "2", "other")));
        Document d = Xhtml.parse(two.html());
        List<String> heads = Xhtml.all(d, "th").stream().map(Element::getTextContent).toList();
        assertEquals("Experiment", heads.get(heads.indexOf("Run name") + 1), heads.toString());
        Element link = Xhtml.all(d, "a").stream().filter(e -> e.getAttribute("href").equals("/experiments/1")).findFirst().orElseThrow();
        assertEquals(HOSTILE, link.getTextContent(), "the name is text");
        assertFalse(two.html().contains("<img"));
        assertTrue(two.text().lines().anyMatch(l -> l.contains(" a ") && l.contains(HOSTILE)), two.text());
        assertTrue(two.text().contains(" Experiment "), two.text());
    }
}
