package io.jruns.kernel.home;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the kernel's files are: the folder holding {@code jruns-kernel.jar} (a kernelspec
 * folder, or {@code target/}), or the parent of {@code target/classes} when run from a build.
 */
public final class KernelHome {
    private KernelHome() {
    }

    /** The kernel's own code: a jar file or a classes folder. */
    public static Path codeSource() {
        try {
            return Path.of(KernelHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where the kernel's code is: " + e, e);
        }
    }

    public static Path locate() {
        return codeSource().toAbsolutePath().getParent();
    }

    /**
     * The jars of {@code lib/FOLDER}, sorted, as URLs for a class loader of their own: what stays
     * off the kernel's class path (Maven Resolver, JNA).
     */
    public static List<URL> ownLoaderJars(String folder) throws IOException {
        Path dir = locate().resolve("lib").resolve(folder);
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(dir)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IOException("cannot name " + dir + "'s jars: " + e.getMessage(), e);
        }
        return urls;
    }
}
