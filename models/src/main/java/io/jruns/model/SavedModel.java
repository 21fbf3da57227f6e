package io.jruns.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A model written to a folder: its descriptor, the folder, and warnings worth showing (an
 * output signature that could not be inferred, a class that loads only in this session).
 */
public record SavedModel(MlModel mlModel, Path folder, String flavor, String modelClass, List<String> warnings) {
    public SavedModel {
        warnings = List.copyOf(warnings);
    }
}
