package io.jruns.kernel.spare;

import io.jruns.kernel.home.KernelHome;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * libc's {@code setenv}, {@code unsetenv} and {@code chdir}, through JNA: a process the notebook
 * starts without giving it an environment or a directory inherits the JVM's native ones, not
 * {@code System.getenv()} or {@code user.dir}, and the JDK hands relative paths to the system as they are. JNA
 * comes from {@code lib/jna/} in a class loader of its own, so it stays off the notebook's class
 * path (a notebook may load another JNA); only a spare loads it, before it listens.
 */
final class NativeEnvironment {
    private final Object setenv;
    private final Object unsetenv;
    private final Object chdir;
    private final Method invokeInt;

    private NativeEnvironment(Object setenv, Object unsetenv, Object chdir, Method invokeInt) {
        this.setenv = setenv;
        this.unsetenv = unsetenv;
        this.chdir = chdir;
        this.invokeInt = invokeInt;
    }

    /**
     * Empty where JNA is not installed beside the kernel or cannot reach libc. JNA unpacks its
     * native part into {@code privateDir} (not a shared temporary folder), and the system
     * properties it sets are put back: the notebook sees those of a JVM started for it.
     */
    static Optional<NativeEnvironment> open(Path privateDir) {
        Properties before = (Properties) System.getProperties().clone();
        System.setProperty("jna.tmpdir", privateDir.toString());
        try {
            ClassLoader loader = jnaLoader();
            Class<?> library = Class.forName("com.sun.jna.NativeLibrary", true, loader);
            Object libc = library.getMethod("getInstance", String.class).invoke(null, "c");
            Method function = library.getMethod("getFunction", String.class);
            Object setenv = function.invoke(libc, "setenv");
            Method invokeInt = setenv.getClass().getMethod("invokeInt", Object[].class);
            return Optional.of(new NativeEnvironment(setenv, function.invoke(libc, "unsetenv"), function.invoke(libc, "chdir"),
                    invokeInt));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError | java.io.IOException e) {
            return Optional.empty();
        } finally {
            System.getProperties().keySet().removeIf(k -> !before.containsKey(k));
            before.forEach((k, v) -> System.getProperties().put(k, v));
        }
    }

    /** The application's loader where JNA is on the class path (tests), else one over {@code lib/jna/}. */
    private static ClassLoader jnaLoader() throws java.io.IOException {
        ClassLoader own = NativeEnvironment.class.getClassLoader();
        if (own.getResource("com/sun/jna/NativeLibrary.class") != null) {
            return own;
        }
        URL[] urls = KernelHome.ownLoaderJars("jna").toArray(URL[]::new);
        return new URLClassLoader("jruns-jna", urls, ClassLoader.getPlatformClassLoader());
    }

    /** Sets the variable, or unsets it where value is null; false if libc refused. */
    boolean set(String name, String value) {
        return call(value == null ? unsetenv : setenv, value == null ? new Object[] {name} : new Object[] {name, value, 1});
    }

    /** The process's working directory; false if libc refused (no such directory, no permission). */
    boolean chdir(String dir) {
        return call(chdir, new Object[] {dir});
    }

    private boolean call(Object function, Object[] args) {
        try {
            return (Integer) invokeInt.invoke(function, (Object) args) == 0;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
