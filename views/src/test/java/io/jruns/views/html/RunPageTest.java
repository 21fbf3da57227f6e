package io.jruns.views.html;

import io.jruns.domain.FileInfo;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunData;
import io.jruns.views.Rendered;
import io.jruns.views.ArtifactEntry;
import io.jruns.views.RunPageData;
import io.jruns.views.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunPageTest {
    static final String HOSTILE = "<img src=x onerror=alert(1)>";

    static Rendered page(Run run, Map<String, List<Metric>> histories, List<ArtifactEntry> artifacts) {
        return RunPage.render(new RunPageData(run, "exp " + HOSTILE, null, List.of(), histories, artifacts, false,
                1_700_000_100_000L));
    }

    @Test
    void showsEverySectionWithUserTextEscaped() {
        Map<String, String> tags = new HashMap<>(Map.of("comment", HOSTILE, "mlflow.note.content", "note " + HOSTILE,
                "mlflow.log-model.history", "[{\"artifact_path\":\"model\",\"flavors\":{\"java_function\":{}}}]"));
        Run run = Runs.run("r", Map.of("alpha", "0.5", HOSTILE, "x"), Map.of("loss", 0.25), tags);
        List<Metric> history = new ArrayList<>();
        for (int s = 0; s < 40; s++) history.add(new Metric("loss", 1.0 / (s + 1), s, s));
        List<ArtifactEntry> files = List.of(new ArtifactEntry(new FileInfo("model", true, null), 0),
                new ArtifactEntry(new FileInfo("model/" + HOSTILE, false, 2048L), 1),
                new ArtifactEntry(new FileInfo("notes.txt", false, 12L), 0));
        Rendered o = page(run, Map.of("loss", history), files);
        Document d = Xhtml.parse(o.html());
        assertEquals(List.of(), Xhtml.all(d, "img"));
        String text = d.getDocumentElement().getTextContent();
        for (String s : List.of("Details", "Parameters", "Metrics", "Tags", "Artifacts", "Logged models", "note " + HOSTILE,
                "%snippet", "2.0 KB", "exp " + HOSTILE)) {
            assertTrue(text.contains(s), s);
        }
        assertEquals(1, Xhtml.withClass(d, "svg", "jr-spark").size(), "a sparkline for the metric with a history");
        Element modelFolder = Xhtml.all(d, "details").stream()
                .filter(e -> e.getElementsByTagName("summary").item(0).getTextContent().equals("model/")).findFirst().orElseThrow();
        assertEquals(HOSTILE, ((Element) modelFolder.getElementsByTagName("li").item(0)).getFirstChild().getTextContent(),
                "the file sits inside its folder");
        assertTrue(o.text().contains("\nLogged models\npath   flavors\nmodel  java_function\n"), o.text());
        assertTrue(o.text().contains("\nArtifacts\nmodel/\n  " + HOSTILE + "  2.0 KB\nnotes.txt  12 B\n"), o.text());
    }

    @ParameterizedTest(name = "[{index}] dirty={0} untracked={1}")
    @CsvSource(delimiter = '|', value = {
            "false |      | ''",
            "true  |      | uncommitted changes",
            "true  | true | notebook not in this commit",
    })
    void theGitCommitRowSaysWhetherTheCommitHoldsTheNotebook(String dirty, String untracked, String badge) {
        Map<String, String> tags = new HashMap<>(Map.of("mlflow.source.git.commit", "0123456789abcdef",
                "jruns.source.git.dirty", dirty));
        if (untracked != null) tags.put("jruns.source.git.untracked", untracked);
        Document d = Xhtml.parse(page(Runs.run("r", Map.of(), Map.of(), tags), Map.of(), List.of()).html());
        assertEquals(badge, String.join(",", Xhtml.withClass(d, "span", "jr-badge").stream().map(Element::getTextContent).toList()));
    }

    @Test
    void theNoteIsRenderedAsMarkdownWithItsHtmlAsText() {
        Run run = Runs.run("r", Map.of(), Map.of(), Map.of("mlflow.note.content",
                "# Title\n\n**bold** " + HOSTILE + " [go](javascript:alert(1)) [ok](https://mlflow.org)"));
        Document d = Xhtml.parse(page(run, Map.of(), List.of()).html());
        Element note = Xhtml.withClass(d, "div", "jr-note").get(0);
        assertEquals("Title", note.getElementsByTagName("h1").item(0).getTextContent());
        assertEquals("bold", note.getElementsByTagName("strong").item(0).getTextContent());
        assertTrue(note.getTextContent().contains(HOSTILE), "raw HTML shows as text");
        assertEquals(List.of(), Xhtml.all(d, "img"));
        List<String> hrefs = new ArrayList<>();
        for (int i = 0; i < note.getElementsByTagName("a").getLength(); i++) {
            hrefs.add(((Element) note.getElementsByTagName("a").item(i)).getAttribute("href"));
        }
        assertEquals(List.of("", "https://mlflow.org"), hrefs);
    }

    @Test
    void systemTagsAreFoldedAndAMissingSourceReadsCleanly() {
        Run run = Runs.run("r", Map.of(), Map.of(), Map.of("mlflow.user", "ann", "team", "a"));
        Document d = Xhtml.parse(page(run, Map.of(), List.of()).html());
        Element sys = Xhtml.withClass(d, "details", "jr-sys").get(0);
        assertTrue(sys.getTextContent().contains("mlflow.user"));
        assertTrue(d.getDocumentElement().getTextContent().contains("No artifacts."));
    }

    @Test
    void aNotebookRunLinksToTheUisNotebookPageOnlyWhenAUiServesTheStore() {
        Run run = Runs.run("nb", Map.of(), Map.of(), Map.of("mlflow.source.name", "/w/train.ipynb",
                "jruns.notebook.revision", "abc123def456"));
        assertEquals(List.of(), Xhtml.all(Xhtml.parse(page(run, Map.of(), List.of()).html()), "a"),
                "no UI: no link (a file: link is dead in a browser showing Jupyter over http)");
        RunPageData linked = new RunPageData(run, "exp", null, List.of(), Map.of(), List.of(), false, 0L,
                io.jruns.views.Links.ui("http://127.0.0.1:5055/"));
        Element a = Xhtml.all(Xhtml.parse(RunPage.render(linked).html()), "a").get(0);
        assertEquals("http://127.0.0.1:5055/runs/" + run.runId() + "/notebook", a.getAttribute("href"));
        Run js = new Run(new io.jruns.domain.RunInfo(run.runId(), "1", "nb", "u", run.info().status(), 1, 2L,
                run.info().lifecycleStage(), null, "javascript:alert(1)"), new RunData(Map.of(), Map.of(), run.data().tags()));
        assertEquals(List.of(), Xhtml.all(Xhtml.parse(RunPage.render(linked.withRun(js)).html()), "a"),
                "a run whose stored copy cannot be located has no notebook link");
    }

    @Test
    void aSweepsPageNamesItsFirstChildrenAndCountsTheRest() {
        Run parent = Runs.run("sweep", Map.of(), Map.of(), Map.of());
        List<Run> first = new java.util.ArrayList<>();
        for (int c = 0; c < RunPageData.CHILDREN_SHOWN; c++) first.add(Runs.run("c" + c, Map.of(), Map.of(), Map.of()));
        RunPageData d = new RunPageData(parent, "exp", null, first, Map.of(), List.of(), false, 0L)
                .withLinks(io.jruns.views.Links.ui("/")).withChildCount(io.jruns.search.RunCount.exactly(10_000));
        String html = RunPage.render(d).html();
        assertTrue(html.contains("and 9,988 more</a>"), "the count, not the children read: " + html);
        assertTrue(html.contains("?state=all&amp;filter="), "the link lists them all, deleted ones too, as the list does");
        assertTrue(RunPage.render(d.withChildCount(io.jruns.search.RunCount.moreThan(10_000))).html().contains("and over 9,988 more"));
    }
}
