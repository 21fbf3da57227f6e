package io.jruns.kernel.maven.impl;

import io.jruns.kernel.home.KernelHome;
import io.jruns.kernel.maven.DependencyResolver;
import io.jruns.kernel.maven.ResolutionFailure;
import io.jruns.kernel.maven.ResolverSettings;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the Maven Resolver implementation from {@code lib/resolver/} next to the kernel's code,
 * in a class loader of its own: httpclient, plexus, asm and friends stay off the notebook's
 * class path. When the resolver is already visible (tests), it is used directly. It lives beside
 * the implementation it loads (by name, without linking to it, so it loads without the resolver
 * jars), leaving the {@code maven} package the interface only.
 */
public final class ResolverLoader {
    private static final String IMPL = "io.jruns.kernel.maven.impl.AetherDependencyResolver";

    private ResolverLoader() {
    }

    public static DependencyResolver load() {
        return load(ResolverSettings.defaults());
    }

    public static DependencyResolver load(ResolverSettings settings) {
        ClassLoader own = ResolverLoader.class.getClassLoader();
        try {
            ClassLoader loader = isVisible("org.eclipse.aether.RepositorySystem", own) ? own : isolatedLoader(own);
            Class<?> impl = Class.forName(IMPL, true, loader);
            return (DependencyResolver) impl.getConstructor(ResolverSettings.class).newInstance(settings);
        } catch (ReflectiveOperationException | java.net.MalformedURLException | LinkageError e) {
            throw new ResolutionFailure("cannot load Maven Resolver: " + e, e);
        }
    }

    /** {@code <kernel home>/lib/resolver}: the kernel home holds the kernel jar (or classes folder). */
    public static Path resolverLibDir() {
        return KernelHome.locate().resolve("lib").resolve("resolver");
    }

    private static ClassLoader isolatedLoader(ClassLoader parent) throws MalformedURLException {
        Path dir = resolverLibDir();
        List<URL> urls;
        try {
            urls = new ArrayList<>(KernelHome.ownLoaderJars("resolver"));
        } catch (IOException e) {
            throw new ResolutionFailure("Maven Resolver is not installed: cannot list " + dir, e);
        }
        if (urls.isEmpty()) {
            throw new ResolutionFailure("Maven Resolver is not installed: no jars in " + dir);
        }
        urls.add(KernelHome.codeSource().toUri().toURL());
        return new ImplFirstLoader(urls.toArray(URL[]::new), parent);
    }

    private static boolean isVisible(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Defines our resolver implementation itself (so it links against the resolver jars); all else parent-first. */
    private static final class ImplFirstLoader extends URLClassLoader {
        ImplFirstLoader(URL[] urls, ClassLoader parent) {
            super("jruns-maven-resolver", urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.jruns.kernel.maven.impl.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
