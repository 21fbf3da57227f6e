package io.jruns.json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The exchanges recorded from a real MLflow 2.12 server: copies, in this module's test
 * resources ({@code mlflow-wire/}, see its README), of the team's recordings in
 * {@code ../shared/mlflow-wire}, where newer recordings come from. Tests fail (never skip)
 * when one is missing.
 */
final class WireRecordings {
    private WireRecordings() {
    }

    static Path folder() {
        java.net.URL url = WireRecordings.class.getResource("/mlflow-wire/README.md");
        if (url == null) fail("recorded MLflow exchanges not found on the test class path (mlflow-wire/)");
        try {
            return Paths.get(url.toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static String text(String file) {
        Path p = folder().resolve(file);
        if (!Files.isRegularFile(p)) fail("recorded MLflow exchange missing: " + p);
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + p + ": " + e, e);
        }
    }

    /** The response body of a one-exchange file: what follows the headers after "### response:". */
    static String responseBody(String file) {
        List<String> lines = text(file).lines().toList();
        int i = lines.indexOf("### response:");
        if (i < 0) fail(file + " has no '### response:' line");
        if (!lines.get(i + 1).startsWith("HTTP/1.1 200")) fail(file + " does not record a 200 answer: " + lines.get(i + 1));
        int blank = i + 1;
        while (blank < lines.size() && !lines.get(blank).isEmpty()) blank++;
        return String.join("\n", lines.subList(blank + 1, lines.size())).strip();
    }

    /** A section of the edge-case file: the lines after "### TITLE" up to the next "###". */
    static String edgeCase(String title) {
        List<String> lines = text("50-edge-cases.txt").lines().toList();
        int i = lines.indexOf("### " + title);
        if (i < 0) fail("50-edge-cases.txt has no section '" + title + "'");
        int end = i + 1;
        while (end < lines.size() && !lines.get(end).startsWith("###")) end++;
        return String.join("\n", lines.subList(i + 1, end));
    }
}
