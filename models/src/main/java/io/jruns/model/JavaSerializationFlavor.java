package io.jruns.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Any {@link Serializable} model (Smile's models are), saved with Java serialization as
 * {@code model.ser}. Loading deserializes: load only models you trust, as with pickle.
 */
public final class JavaSerializationFlavor implements ModelFlavor {
    public static final String NAME = "java_serialization";
    public static final String DATA = "model.ser";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(Object model) {
        return model instanceof Serializable;
    }

    @Override
    public Map<String, String> save(Object model, Path dir) throws IOException {
        try (OutputStream file = Files.newOutputStream(dir.resolve(DATA));
             ObjectOutputStream out = new ObjectOutputStream(file)) {
            out.writeObject(model);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("data", DATA);
        attributes.put("model_class", model.getClass().getName());
        return attributes;
    }

    @Override
    public Object load(Path dir, Map<String, String> attributes, ClassLoader loader) throws IOException {
        Path data = dir.resolve(attributes.getOrDefault("data", DATA));
        try (InputStream file = Files.newInputStream(data);
             ObjectInputStream in = new LoaderObjectInputStream(file, loader)) {
            return in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException(missingClass(e.getMessage(), attributes.get("model_class")), e);
        }
    }

    static String missingClass(String className, String modelClass) {
        if (className != null && className.startsWith("REPL.")) {
            return "class " + className + " was defined in a notebook cell: it loads only in the kernel session "
                    + "that defined it. Put the model's class in a jar (%jars) or a library (%maven) to load it elsewhere";
        }
        return "class " + className + " is not on the class path (model class " + modelClass
                + "): add the model's libraries first (see the model's java_env.yaml, or %snippet)";
    }

    /** Resolves classes with the given loader first, so models from %maven jars and notebook cells load. */
    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
