package io.jruns.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * How one kind of model is saved and loaded: the adapter a library plugs in for its own
 * format (found with {@link java.util.ServiceLoader}, or {@link ModelFlavors#register}).
 * jruns' own is {@link JavaSerializationFlavor}. A flavor needs a public no-argument
 * constructor: MLmodel names it as {@code flavors.java_function.loader_class}.
 */
public interface ModelFlavor {
    /** The flavor's key in MLmodel's {@code flavors}, e.g. {@code java_serialization}. */
    String name();

    /** Whether this flavor can save the model. */
    boolean supports(Object model);

    /**
     * Writes the model's files into {@code dir} (an empty folder) and returns the flavor's
     * attributes for MLmodel; {@code data} names the main file.
     */
    Map<String, String> save(Object model, Path dir) throws IOException;

    /**
     * Loads what {@link #save} wrote. {@code attributes} are the flavor's MLmodel entries;
     * {@code loader} finds the model's classes.
     */
    Object load(Path dir, Map<String, String> attributes, ClassLoader loader) throws IOException;

    /** Something that predicts with a loaded model; by default a {@link Predictor} as itself, else by reflection. */
    default Predictor predictor(Object model) {
        return Predictors.adapt(model);
    }
}
