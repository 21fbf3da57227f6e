package io.jruns.kernel.env;

import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.domain.JrunsException;
import io.jruns.internal.json.Json;
import io.jruns.kernel.install.JupyterPaths;
import io.jruns.kernel.install.KernelSpec;
import io.jruns.kernel.install.KernelSpecWriter;
import io.jruns.reproduce.KernelSpecs;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The kernels Jupyter sees ({@code jupyter kernelspec list --json}, in the given environment,
 * so {@code JUPYTER_PATH} counts), and new jruns kernelspecs written from {@code kernelHome}
 * (a kernelspec folder or {@code kernel/target}): beside the run's old kernel when Jupyter
 * still looks there, else in the user's Jupyter data folder.
 */
public final class JupyterKernelSpecs implements KernelSpecs {
    private final Map<String, String> env;
    private final Supplier<Path> kernelHome;
    private final boolean classDataSharing;

    public JupyterKernelSpecs(Map<String, String> env, Path kernelHome, boolean classDataSharing) {
        this(env, () -> kernelHome, classDataSharing);
    }

    /** {@code kernelHome} is asked only when a kernel is installed. */
    public JupyterKernelSpecs(Map<String, String> env, Supplier<Path> kernelHome, boolean classDataSharing) {
        this.env = Map.copyOf(env);
        this.kernelHome = kernelHome;
        this.classDataSharing = classDataSharing;
    }

    @Override
    public Optional<KernelRef> find(String name) {
        JsonNode spec = list().path("kernelspecs").path(name);
        if (spec.isMissingNode()) return Optional.empty();
        return Optional.of(new KernelRef(name, spec.path("spec").path("display_name").asText(name),
                spec.path("resource_dir").asText("")));
    }

    @Override
    public KernelRef install(String name, String displayName, List<String> jvmOptions, String near) {
        Path beside = near == null ? null : Path.of(near).toAbsolutePath().getParent();
        if (beside != null && Files.isDirectory(beside) && Files.isWritable(beside) && jupyterLooksIn(beside)) {
            write(name, displayName, jvmOptions, beside.resolve(name));
            Optional<KernelRef> seen = find(name);
            if (seen.isPresent()) return seen.get();
        }
        write(name, displayName, jvmOptions, userKernels().resolve(name));
        return find(name).orElseThrow(() -> new JrunsException(JrunsException.Code.INTERNAL_ERROR, "installed kernelspec '"
                + name + "' in " + userKernels() + " but jupyter kernelspec list does not show it"));
    }

    /**
     * Whether {@code dir} is a kernels folder of Jupyter's: one where it lists a kernel now, or
     * {@code kernels/} of a data folder this environment names. {@code near} comes from the run's
     * environment.json, which anyone who can log to the run may replace: any other folder, however
     * writable, gets nothing written into it.
     */
    private boolean jupyterLooksIn(Path dir) {
        Path real = realOrSelf(dir);
        List<Path> folders = new ArrayList<>();
        list().path("kernelspecs").forEach(k -> {
            String resources = k.path("resource_dir").asText("");
            if (!resources.isEmpty() && Path.of(resources).getParent() != null) folders.add(Path.of(resources).getParent());
        });
        String jupyterPath = env.get("JUPYTER_PATH");
        if (jupyterPath != null) {
            for (String p : jupyterPath.split(File.pathSeparator)) if (!p.isBlank()) folders.add(Path.of(p, "kernels"));
        }
        folders.add(userKernels());
        JupyterPaths.SYSTEM.forEach(p -> folders.add(p.resolve("kernels")));
        return folders.stream().map(JupyterKernelSpecs::realOrSelf).anyMatch(real::equals);
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | SecurityException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private void write(String name, String displayName, List<String> jvmOptions, Path dir) {
        KernelSpec spec = KernelSpec.builder().kernelHome(kernelHome.get()).displayName(displayName).jvmOptions(jvmOptions)
                .env(KernelEnvironment.KERNELSPEC_ENV, name).classDataSharing(classDataSharing).build();
        KernelSpecWriter.write(spec, dir);
    }

    /** {@code kernels/} in Jupyter's data dir, resolved from this environment as {@code jupyter --paths} does. */
    Path userKernels() {
        return JupyterPaths.dataDir(env).toAbsolutePath().resolve("kernels");
    }

    private JsonNode list() {
        List<String> tried = new ArrayList<>();
        for (String jupyter : candidates()) {
            Optional<String> out = run(jupyter, "kernelspec", "list", "--json");
            if (out.isPresent()) {
                try {
                    return Json.MAPPER.readTree(out.get());
                } catch (IOException e) {
                    throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, jupyter + " kernelspec list gave no JSON");
                }
            }
            tried.add(jupyter);
        }
        throw JrunsException.notFound("no working 'jupyter' command to list kernels (tried " + String.join(", ", tried)
                + "); set JRUNS_JUPYTER");
    }

    /** {@code $JRUNS_JUPYTER}, else each {@code jupyter} on PATH (a pyenv shim may lack Jupyter), then /usr/bin/jupyter. */
    private List<String> candidates() {
        String explicit = env.get("JRUNS_JUPYTER");
        if (explicit != null && !explicit.isBlank()) return List.of(explicit);
        List<String> out = new ArrayList<>();
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = dir.isEmpty() ? null : Path.of(dir, "jupyter");
            if (p != null && Files.isExecutable(p) && !out.contains(p.toString())) out.add(p.toString());
        }
        if (!out.contains("/usr/bin/jupyter")) out.add("/usr/bin/jupyter");
        return out;
    }

    private Optional<String> run(String jupyter, String... args) {
        List<String> cmd = new ArrayList<>(List.of(jupyter));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
