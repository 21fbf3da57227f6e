package io.jruns.kernel.install;

import com.google.gson.GsonBuilder;
import io.jruns.kernel.home.KernelHome;
import io.jruns.kernel.home.KernelVersion;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes a self-contained kernelspec folder: {@code kernel.json}, {@code jruns-kernel.jar},
 * {@code lib/} (the kernel's libraries and extra jars), {@code lib/resolver/} (Maven Resolver,
 * loaded by %maven only), {@code lib/jna/} (loaded by spare kernels only), logos, sqlite-jdbc's
 * native library ({@code native/}) and, optionally, a CDS archive. Paths in {@code kernel.json} use {@code {resource_dir}}, so
 * {@code jupyter kernelspec install DIR} can copy it anywhere.
 */
public final class KernelSpecWriter {
    static final String KERNEL_JAR = "jruns-kernel.jar";
    static final String CDS_ARCHIVE = "jruns-kernel.jsa";
    /** Folders of lib/ whose jars stay off the class path: each is loaded in a class loader of its own. */
    private static final List<String> OWN_LOADERS = List.of("resolver", "jna");

    private KernelSpecWriter() {
    }

    /** Writes the kernelspec into {@code dir} (created or refreshed) and returns kernel.json's path. */
    public static Path write(KernelSpec spec, Path dir) {
        try {
            if (Files.isDirectory(dir) && Files.isSameFile(spec.kernelHome(), dir)) {
                throw new IllegalArgumentException("cannot write a kernelspec over the kernel it runs from: " + dir);
            }
            Path lib = dir.resolve("lib");
            Files.createDirectories(lib);
            deleteJars(lib);
            Files.deleteIfExists(dir.resolve(CDS_ARCHIVE));
            KernelJar.write(KernelHome.codeSource(), dir.resolve(KERNEL_JAR));
            List<String> classpath = new ArrayList<>();
            classpath.add(KERNEL_JAR);
            for (Path jar : jars(spec.kernelHome().resolve("lib"))) {
                classpath.add("lib/" + copy(jar, lib).getFileName());
            }
            for (Path jar : spec.extraJars()) {
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalArgumentException("extra jar " + jar + " does not exist");
                }
                classpath.add("lib/" + copy(jar, lib).getFileName());
            }
            for (String own : OWN_LOADERS) {
                Path to = Files.createDirectories(lib.resolve(own));
                deleteJars(to);
                for (Path jar : jars(spec.kernelHome().resolve("lib").resolve(own))) {
                    copy(jar, to);
                }
            }
            Logos.write(dir);
            Launcher.delete(dir);
            if (spec.python().isPresent()) {
                Launcher.write(dir);
            }
            List<String> nativeOptions = NativeSqlite.install(dir, "{resource_dir}");
            List<String> options = new ArrayList<>(spec.jvmOptions());
            Optional<Integer> release = JdkOptions.feature(spec.java());
            options.addAll(release.map(f -> JdkOptions.forRelease(f, spec.python().isPresent())).orElse(List.of()));
            boolean cds = spec.classDataSharing() && ClassDataSharing.dump(spec.java(), dir, classpath, options);
            options.addAll(nativeOptions);
            Path kernelJson = dir.resolve("kernel.json");
            Files.writeString(kernelJson, kernelJson(spec, classpath, cds, options, release));
            return kernelJson;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write kernelspec to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code jvmOptions}: the spec's, then those of its JDK ({@link JdkOptions}) and sqlite's;
     * {@code release}: the JDK's, for {@code jruns kernels} (metadata.jruns.java).
     */
    static String kernelJson(KernelSpec spec, List<String> classpath, boolean cds, List<String> jvmOptions,
            Optional<Integer> release) {
        List<String> argv = new ArrayList<>(spec.python().map(Launcher::argv).orElse(List.of()));
        argv.add(spec.java().toString());
        argv.addAll(jvmOptions);
        if (cds) {
            argv.addAll(ClassDataSharing.jvmOptions("{resource_dir}/" + CDS_ARCHIVE));
        }
        argv.add("-cp");
        argv.add(String.join(File.pathSeparator, classpath.stream().map(p -> "{resource_dir}/" + p).toList()));
        argv.add(KernelVersion.mainClass());
        if (spec.python().isEmpty()) {
            argv.add("{connection_file}");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("argv", argv);
        json.put("display_name", spec.displayName());
        json.put("language", "java");
        json.put("interrupt_mode", "message");
        json.put("env", spec.env());
        Map<String, Object> jruns = new LinkedHashMap<>();
        jruns.put("version", KernelVersion.get());
        release.ifPresent(r -> jruns.put("java", r));
        json.put("metadata", Map.of("jruns", jruns));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
    }

    /** The class path as real paths under {@code dir}, for running the kernel outside Jupyter. */
    static String resolvedClasspath(Path dir, List<String> classpath) {
        return String.join(File.pathSeparator, classpath.stream().map(p -> dir.resolve(p).toString()).toList());
    }

    private static List<Path> jars(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private static Path copy(Path jar, Path folder) throws IOException {
        Path target = folder.resolve(jar.getFileName());
        if (!Files.exists(target) || !Files.isSameFile(jar, target)) {
            Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static void deleteJars(Path folder) throws IOException {
        for (Path jar : jars(folder)) {
            Files.delete(jar);
        }
    }
}
