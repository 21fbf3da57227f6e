package io.jruns.model;

import io.jruns.TrackingClient;
import io.jruns.domain.JrunsException;
import io.jruns.ActiveRun;
import io.jruns.Jruns;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loading logged models: {@code Models.load("runs:/<run_id>/model").predict(table)}. Works
 * with any store (files come through its artifact calls). Classes are found with the given
 * class loader, by default the thread's context loader (in a notebook, the one that sees
 * {@code %maven} jars and the notebook's own classes).
 */
public final class Models {
    private static final Map<String, LoadedModel> CACHE = new ConcurrentHashMap<>();

    private Models() {
    }

    /**
     * Saves a model under the active run's artifacts at {@code name}/ with an MLmodel
     * descriptor, its signature and input example (when {@code inputExample} is not null) and
     * its libraries, and records it in the run's {@code mlflow.log-model.history} tag
     * (docs/models.md). With no active run, one is started (as logging does).
     */
    public static LoggedModel log(Object model, String name, Table inputExample) {
        return log(Jruns.activeRun().orElseGet(Jruns::startRun), model, name, inputExample);
    }

    public static LoggedModel log(Object model, String name) {
        return log(model, name, null);
    }

    /** As {@link #log(Object, String, Table)}, to the given run. */
    public static LoggedModel log(ActiveRun run, Object model, String name, Table inputExample) {
        TrackingClient client = run.client();
        return ModelLogger.log(new ModelTarget() {
            @Override
            public String runId() {
                return run.runId();
            }

            @Override
            public TrackingClient client() {
                return client;
            }

            @Override
            public void logArtifacts(Path dir, String artifactPath) {
                run.logArtifacts(dir, artifactPath);
            }

            @Override
            public void setTag(String key, String value) {
                run.setTag(key, value);
            }
        }, model, name, inputExample);
    }

    /** Loads from the current tracking store ({@link Jruns#client()}), or from a local model folder. */
    public static LoadedModel load(String uri) {
        ModelUri u = ModelUri.parse(uri);
        return u.runId() == null ? loadFolder(u.folder(), u.toString(), defaultLoader(), null)
                : load(uri, Jruns.client(), defaultLoader());
    }

    public static LoadedModel load(String uri, TrackingClient reader) {
        return load(uri, reader, defaultLoader());
    }

    public static LoadedModel load(String uri, TrackingClient reader, ClassLoader loader) {
        ModelUri u = ModelUri.parse(uri);
        if (u.runId() == null) return loadFolder(u.folder(), u.toString(), loader, null);
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("jruns-load");
            Path dir = ModelFiles.fetch(reader, u.runId(), u.artifactPath(), tmp.resolve("model"));
            return loadFolder(dir, u.toString(), loader, "the run's artifacts");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + uri + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) ModelLogger.deleteQuietly(tmp);
        }
    }

    /**
     * Loads once per JVM and URI, then returns the same model: for code that runs per row or
     * per task, such as a Spark UDF on each executor.
     */
    public static LoadedModel loadCached(String uri) {
        return CACHE.computeIfAbsent(uri.strip(), Models::load);
    }

    /** Saves a model into a local folder (what logging does before copying it into the run). */
    public static SavedModel save(Object model, Path folder, Table inputExample) {
        return ModelSaver.save(model, folder, folder.getFileName().toString(), null, inputExample);
    }

    /** The models logged to a run, oldest first: the run's history tag, checked against its artifacts. */
    public static List<MlModel> list(TrackingClient reader, String runId) {
        return ModelListing.list(reader, runId);
    }

    /** @param from where the folder's files are kept, for errors; null for the folder itself */
    static LoadedModel loadFolder(Path dir, String uri, ClassLoader loader, String from) {
        try {
            Path mlFile = dir.resolve(MlModel.FILE);
            if (!Files.isRegularFile(mlFile)) throw JrunsException.notFound("no MLmodel file in " + dir);
            MlModel ml = MlModel.parse(Files.readString(mlFile), uri + "/" + MlModel.FILE);
            Map<String, String> fn = ml.javaFunction().orElseThrow(() -> JrunsException.invalid("model " + uri
                    + " has no java_function flavor (it has " + String.join(", ", ml.flavors().keySet())
                    + "): it was not logged by jruns"));
            ModelFlavor flavor = ModelFlavors.byClassName(fn.get("loader_class"), loader);
            Map<String, String> attrs = ml.flavors().getOrDefault(fn.getOrDefault("flavor", flavor.name()), fn);
            Object model = flavor.load(dir, attrs, loader);
            Table example = null;
            if (ml.hasInputExample() && Files.isRegularFile(dir.resolve(InputExample.FILE))) {
                example = InputExample.fromJson(Files.readString(dir.resolve(InputExample.FILE)),
                        ml.signature() == null ? List.of() : ml.signature().inputs());
            }
            Path env = dir.resolve(fn.getOrDefault("env", Requirements.FILE));
            Requirements req = Files.isRegularFile(env) ? Requirements.parse(Files.readString(env)) : null;
            return new LoadedModel(uri, ml, model, flavor, example, req);
        } catch (NoSuchFileException e) {
            Path file = Path.of(e.getFile()).toAbsolutePath().normalize();
            Path base = dir.toAbsolutePath().normalize();
            if (!file.startsWith(base)) throw new JrunsException(JrunsException.Code.INVALID_STATE, "cannot load " + uri + ": " + e.getMessage(), e);
            // a run's files are a temporary copy here: name the file in the model, not the copy
            throw new JrunsException(JrunsException.Code.RESOURCE_DOES_NOT_EXIST, "cannot load " + uri + ": its file "
                    + base.relativize(file).toString().replace('\\', '/') + " is missing from " + (from == null ? base : from), e);
        } catch (IOException e) {
            throw new JrunsException(JrunsException.Code.INVALID_STATE, "cannot load " + uri + ": " + e.getMessage(), e);
        }
    }

    private static ClassLoader defaultLoader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : Models.class.getClassLoader();
    }
}
