package io.jruns.model;

import io.jruns.domain.JrunsException;
import io.jruns.reproduce.ClasspathLibraries;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a model folder: the flavor's files, {@code input_example.json}, {@code java_env.yaml}
 * and, last, {@code MLmodel}. The signature's inputs come from the input example's columns,
 * its outputs from the model's own predictions on that example.
 */
final class ModelSaver {
    private static final DateTimeFormatter UTC_CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private ModelSaver() {
    }

    static SavedModel save(Object model, Path dir, String artifactPath, String runId, Table inputExample) {
        if (model == null) throw JrunsException.invalid("the model is null");
        try {
            Files.createDirectories(dir);
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) throw JrunsException.invalid("cannot save a model into " + dir + ": it is not empty");
            }
            List<String> warnings = new ArrayList<>();
            ModelFlavor flavor = ModelFlavors.forModel(model);
            Map<String, String> attrs = new LinkedHashMap<>(flavor.save(model, dir));
            attrs.putIfAbsent("model_class", model.getClass().getName());
            if (model.getClass().getName().startsWith("REPL.")) {
                warnings.add("the model's class " + model.getClass().getSimpleName() + " was defined in a notebook cell: "
                        + "the model loads in this kernel session only (put the class in a jar to load it anywhere)");
            }
            ClasspathLibraries.sourceFileOf(model.getClass()).ifPresent(file -> {
                String w = "the model's class " + model.getClass().getSimpleName() + " was defined in a source-file program ("
                        + file.getFileName() + "): the model loads in that program only (compile the class into a jar to load it anywhere)";
                warnings.add(w);
                // such a program has no %log_model to show the warnings: say it where it runs
                System.err.println("jruns: warning: " + w);
            });
            ModelSignature signature = null;
            if (inputExample != null) {
                Files.writeString(dir.resolve(InputExample.FILE), InputExample.toJson(inputExample));
                signature = new ModelSignature(ModelSignature.columnsOf(inputExample), outputs(flavor, model, inputExample, warnings));
            }
            Requirements req = Requirements.of(model);
            Files.writeString(dir.resolve(Requirements.FILE), req.toYaml());
            Map<String, String> fn = new LinkedHashMap<>();
            fn.put("loader_class", flavor.getClass().getName());
            fn.put("flavor", flavor.name());
            if (attrs.containsKey("data")) fn.put("data", attrs.get("data"));
            fn.put("model_class", attrs.get("model_class"));
            fn.put("java_version", req.javaVersion());
            fn.put("env", Requirements.FILE);
            Map<String, Map<String, String>> flavors = new LinkedHashMap<>();
            flavors.put(MlModel.JAVA_FUNCTION, fn);
            flavors.put(flavor.name(), attrs);
            MlModel ml = new MlModel(artifactPath, runId, UUID.randomUUID().toString().replace("-", ""),
                    LocalDateTime.now(ZoneOffset.UTC).format(UTC_CREATED), size(dir), flavors, signature, inputExample != null);
            Files.writeString(dir.resolve(MlModel.FILE), ml.toYaml());
            return new SavedModel(ml, dir, flavor.name(), attrs.get("model_class"), warnings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The output columns of the model's predictions on the example; none (with a warning) when it cannot predict. */
    private static List<ColumnSpec> outputs(ModelFlavor flavor, Object model, Table example, List<String> warnings) {
        try {
            Table sample = example.first(Math.min(example.rowCount(), InputExample.MAX_ROWS));
            Object out = flavor.predictor(model).predict(sample);
            return ModelSignature.columnsOf(Predictions.asTable(out, sample.rowCount(), model.getClass().getSimpleName()));
        } catch (RuntimeException e) {
            warnings.add("no output signature: predicting on the input example failed: " + e.getMessage());
            return List.of();
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
