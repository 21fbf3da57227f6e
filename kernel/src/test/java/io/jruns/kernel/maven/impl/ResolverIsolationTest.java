package io.jruns.kernel.maven.impl;

import io.jruns.kernel.maven.DependencyResolver;
import io.jruns.kernel.maven.ResolverSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jruns.kernel.testing.TestRepository;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel's class path as in a kernelspec (kernel classes plus lib/*.jar, no Maven Resolver):
 * %maven must load the resolver from lib/resolver in its own class loader, and it must work.
 */
class ResolverIsolationTest {

    @Test
    void resolverLoadsFromLibResolverInItsOwnLoader(@TempDir Path dir) throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        List<URL> urls = new ArrayList<>();
        urls.add(target.resolve("classes").toUri().toURL());
        try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                urls.add(jar.toUri().toURL());
            }
        }
        TestRepository repo = TestRepository.create(dir);
        try (URLClassLoader kernelLoader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName("org.eclipse.aether.RepositorySystem", false, kernelLoader));
            Class<?> settingsType = kernelLoader.loadClass(ResolverSettings.class.getName());
            Object settings = settingsType.getConstructor(Path.class, Path.class, Path.class).newInstance(repo.settings(), null, null);
            Object resolver = kernelLoader.loadClass(ResolverLoader.class.getName()).getMethod("load", settingsType).invoke(null, settings);
            ClassLoader implLoader = resolver.getClass().getClassLoader();
            assertNotSame(kernelLoader, implLoader);
            assertEquals("jruns-maven-resolver", implLoader.getName());
            Method resolve = kernelLoader.loadClass(DependencyResolver.class.getName())
                    .getMethod("resolve", List.class, List.class, PrintStream.class);
            @SuppressWarnings("unchecked")
            List<Path> jars = (List<Path>) resolve.invoke(resolver, List.of(TestRepository.APP), List.of(), null);
            assertEquals(3, jars.size());
        }
    }
}
