package io.jruns.model;

import io.jruns.domain.JrunsException;
import io.jruns.domain.SystemTags;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Logs a model to a run: saves it to a temporary folder ({@link ModelSaver}), copies that into
 * the run's artifacts under the model's name, and appends it to the run's
 * {@code mlflow.log-model.history} tag.
 */
public final class ModelLogger {
    private static final Pattern NAME = Pattern.compile("[\\w.\\- ]+(/[\\w.\\- ]+)*",
            Pattern.UNICODE_CHARACTER_CLASS); // "mödel" as a key may be
    private static final Object HISTORY_LOCK = new Object();

    private ModelLogger() {
    }

    public static LoggedModel log(ModelTarget run, Object model, String name, Table inputExample) {
        String path = checkName(name);
        if (!run.client().listArtifacts(run.runId(), path).isEmpty()) {
            throw JrunsException.invalid("run " + run.runId() + " already has artifacts at '" + path
                    + "': log the model under another name");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("jruns-model");
            SavedModel saved = ModelSaver.save(model, tmp.resolve("model"), path, run.runId(), inputExample);
            run.logArtifacts(saved.folder(), path);
            synchronized (HISTORY_LOCK) {
                String current = run.client().getRun(run.runId()).data().tags().get(SystemTags.LOG_MODEL_HISTORY);
                run.setTag(SystemTags.LOG_MODEL_HISTORY, ModelHistory.append(current, saved.mlModel()));
            }
            MlModel m = saved.mlModel();
            return new LoggedModel(ModelUri.of(run.runId(), path), run.runId(), path, saved.flavor(), saved.modelClass(),
                    m.modelSizeBytes(), m.signature(), saved.warnings());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot log the model: " + e.getMessage(), e);
        } finally {
            if (tmp != null) deleteQuietly(tmp);
        }
    }

    /** A model name is a relative artifact path: words, dots, dashes and spaces, separated by '/'. */
    static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) throw JrunsException.invalid("a model needs a name (its folder in the run's artifacts), e.g. \"model\"");
        if (!NAME.matcher(n).matches() || Stream.of(n.split("/")).anyMatch(s -> s.equals(".") || s.equals(".."))) {
            throw JrunsException.invalid("model name '" + n + "' is not a relative folder name (letters, digits, _ - . "
                    + "and space, parts separated by /)");
        }
        return n;
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
