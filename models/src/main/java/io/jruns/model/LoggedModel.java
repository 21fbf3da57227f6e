package io.jruns.model;

import java.util.List;

/** A model logged to a run: where it is ({@code runs:/...}) and what was saved. */
public record LoggedModel(String uri, String runId, String artifactPath, String flavor, String modelClass,
                          long sizeBytes, ModelSignature signature, List<String> warnings) {
    public LoggedModel {
        warnings = List.copyOf(warnings);
    }
}
