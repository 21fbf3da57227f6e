package io.jruns.views;

import io.jruns.domain.Run;
import io.jruns.domain.RunData;
import io.jruns.domain.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.jruns.views.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RunFactsTest {
    static Run withTags(Map<String, String> tags) {
        return run("r", Map.of(), Map.of(), tags);
    }

    static Run withRoot(Run r, String artifactUri) {
        RunInfo i = r.info();
        return new Run(new RunInfo(i.runId(), i.experimentId(), i.runName(), i.userId(), i.status(), i.startTime(), i.endTime(),
                i.lifecycleStage(), i.deletedTime(), artifactUri), new RunData(Map.of(), Map.of(), r.data().tags()));
    }

    @Test
    void modelPathsAreReadWithoutAParserAndAgreeWithIt() {
        String history = "[{\"run_id\":\"x\",\"artifact_path\":\"model\",\"flavors\":{\"java_function\":{}}},"
                + "{\"artifact_path\": \"with \\\"quote\\\"\", \"flavors\": {\"a\":{}, \"b\":{}}}]";
        Run r = withTags(Map.of("mlflow.log-model.history", history));
        assertEquals(List.of("model", "with \"quote\""), RunFacts.modelPaths(r));
        assertEquals(List.of("model", "with \"quote\""), RunFacts.models(r).stream().map(RunFacts.LoggedModel::artifactPath).toList());
        assertEquals(List.of("a", "b"), RunFacts.models(r).get(1).flavors());
        Run broken = withTags(Map.of("mlflow.log-model.history", "not json"));
        assertEquals(List.of("model"), RunFacts.modelPaths(broken));
        assertEquals(1, RunFacts.models(broken).size());
        assertEquals(List.of(), RunFacts.modelPaths(withTags(Map.of())));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/tmp/art/1/abc                | /nb/my notebook.ipynb | file:///tmp/art/1/abc/notebook/my%20notebook.ipynb",
            "file:///tmp/art/1/abc/        | train.ipynb           | file:///tmp/art/1/abc/notebook/train.ipynb",
            "https://host/artifacts/1/abc  | /w/train.ipynb        | https://host/artifacts/1/abc/notebook/train.ipynb",
            "javascript:alert(1)           | /w/train.ipynb        | ''",
            "s3://bucket/abc               | /w/train.ipynb        | ''",
            "/tmp/art/1/abc                | /w/Train.java         | ''",
    })
    void theNotebookCopyIsUnderTheRunsArtifactsOnlyForSafeSchemes(String root, String source, String expected) {
        Run r = withRoot(withTags(Map.of("mlflow.source.name", source, "jruns.notebook.revision", "abc")), root);
        assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(expected), RunFacts.notebookCopyUri(r));
    }

    @Test
    void revisionIsTheNotebookHashElseTheGitCommit() {
        assertEquals("abcdef1", RunFacts.shortRevision(withTags(Map.of("jruns.notebook.revision", "abcdef123456"))));
        assertEquals("0123456", RunFacts.shortRevision(withTags(Map.of("mlflow.source.git.commit", "0123456789"))));
        assertEquals("", RunFacts.shortRevision(withTags(Map.of())));
        assertEquals("train.ipynb", RunFacts.sourceName(withTags(Map.of("mlflow.source.name", "/a/b/train.ipynb"))));
    }
}
