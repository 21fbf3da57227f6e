package io.jruns.kernel.install;

import io.jruns.kernel.home.KernelVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** The kernel's own code as one jar: copied when it is a jar, packed when it is a classes folder (a build). */
final class KernelJar {
    private KernelJar() {
    }

    static void write(Path codeSource, Path target) throws IOException {
        if (Files.isRegularFile(codeSource)) {
            Files.copy(codeSource, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, KernelVersion.mainClass());
        Path tmp = Files.createTempFile(target.getParent(), "kernel", ".jar.tmp");
        try (OutputStream out = Files.newOutputStream(tmp);
             JarOutputStream jar = new JarOutputStream(out, manifest);
             Stream<Path> files = Files.walk(codeSource)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = codeSource.relativize(f).toString().replace('\\', '/');
                if (name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                jar.putNextEntry(new JarEntry(name));
                Files.copy(f, jar);
                jar.closeEntry();
            }
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        target.toFile().setReadable(true, false); // temp files are owner-only; Jupyter may run as another user
    }

    /** Entries of a jar, for tests and diagnostics. */
    static List<String> entries(Path jar) throws IOException {
        try (java.util.jar.JarFile f = new java.util.jar.JarFile(jar.toFile())) {
            return f.stream().map(JarEntry::getName).toList();
        }
    }
}
