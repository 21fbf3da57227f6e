package io.jruns.model;

import io.jruns.domain.JrunsException;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The flavors jruns knows: those registered here or found with {@link ServiceLoader}, then
 * Java serialization. A library's own flavor wins over serialization for the models it supports.
 */
public final class ModelFlavors {
    private static final List<ModelFlavor> REGISTERED = new CopyOnWriteArrayList<>();

    private ModelFlavors() {
    }

    /** Adds a flavor (first registered, first asked). */
    public static void register(ModelFlavor flavor) {
        if (REGISTERED.stream().noneMatch(f -> f.getClass() == flavor.getClass())) REGISTERED.add(flavor);
    }

    public static void unregister(Class<? extends ModelFlavor> type) {
        REGISTERED.removeIf(f -> f.getClass() == type);
    }

    /** Every flavor, in the order they are asked: registered, service-loaded (with {@code loader}), serialization. */
    public static List<ModelFlavor> all(ClassLoader loader) {
        List<ModelFlavor> out = new ArrayList<>(REGISTERED);
        for (ModelFlavor f : ServiceLoader.load(ModelFlavor.class, loader)) {
            if (out.stream().noneMatch(x -> x.getClass() == f.getClass())) out.add(f);
        }
        out.removeIf(f -> f instanceof JavaSerializationFlavor);
        out.add(new JavaSerializationFlavor());
        return out;
    }

    /** The flavor that saves this model. */
    public static ModelFlavor forModel(Object model) {
        ClassLoader loader = model.getClass().getClassLoader();
        for (ModelFlavor f : all(loader == null ? ModelFlavors.class.getClassLoader() : loader)) {
            if (f.supports(model)) return f;
        }
        throw JrunsException.invalid("cannot log a " + model.getClass().getName() + ": it is not Serializable and no "
                + "ModelFlavor supports it (implement java.io.Serializable, or register an io.jruns.model.ModelFlavor)");
    }

    /** The flavor MLmodel names as {@code loader_class}. */
    public static ModelFlavor byClassName(String className, ClassLoader loader) {
        for (ModelFlavor f : all(loader)) if (f.getClass().getName().equals(className)) return f;
        try {
            Class<?> c = Class.forName(className, true, loader);
            return (ModelFlavor) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw JrunsException.invalid("the model's loader class " + className + " is not available here ("
                    + e.getClass().getSimpleName() + "): add the library that provides it");
        }
    }
}
