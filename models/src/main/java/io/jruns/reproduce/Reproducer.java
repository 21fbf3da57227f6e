package io.jruns.reproduce;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.Run;
import io.jruns.domain.SystemTags;
import io.jruns.TrackingClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reproduces a notebook run: clones the notebook at the run's revision into a folder, writes
 * the run's {@code environment.json} beside it, and makes the clone ready to run: a first cell
 * with the run's libraries and experiment, and a kernelspec like the run's (the same one when
 * it is still installed, else a new one with the recorded JVM options). A plain Java program's
 * run is cloned from its repository instead ({@link ProgramReproducer}).
 */
public final class Reproducer {
    /**
     * What came out: the clone (a program run's: the cloned repository's folder), its
     * environment.json (null with --no-environment, and for a program run), its kernel.
     */
    public record Result(Path notebook, Path environmentFile, String kernelName) { }

    private Reproducer() {
    }

    public static Result reproduce(TrackingClient reader, String runId, ReproduceOptions options, KernelSpecs kernels) {
        try {
            // recorded values (run name, kernel name, revision, paths) reach the terminal: their escapes must not
            return reproduce(reader, runId, options, kernels, line -> options.progress().accept(RecordedPaths.clean(line)));
        } catch (JrunsException e) {
            throw new JrunsException(e.code(), RecordedPaths.clean(e.getMessage()), e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(RecordedPaths.clean(e.getMessage()), e.getCause());
        }
    }

    private static Result reproduce(TrackingClient reader, String runId, ReproduceOptions options, KernelSpecs kernels,
                                    Consumer<String> progress) {
        Run run = reader.getRun(runId);
        // a program that stored a notebook (logged it, or ran it) is reproduced as that notebook, as before
        if (ProgramReproducer.isProgram(run) && !NotebookSource.isStored(reader, run)) {
            return ProgramReproducer.reproduce(reader, run, options);
        }
        String name = run.info().runName();
        progress.accept("reproducing run " + name + " (" + runId + ")");
        NotebookSource source = NotebookSource.of(reader, run);
        progress.accept("notebook: " + source.from());
        NotebookClone clone = NotebookClone.parse(source.text(), "the notebook of run " + runId);
        Path folder = options.to() != null ? options.to() : defaultFolder(run);
        Path target = folder.resolve(source.fileName()).toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw JrunsException.invalid(target + " exists already: choose another folder with --to, or remove it");
        }
        Path envFile = null;
        if (options.environment()) {
            Optional<RunEnvironment> env = EnvironmentArtifact.read(reader, runId);
            if (env.isEmpty()) progress.accept("environment: none recorded with the run; the clone only sets the experiment");
            List<Library> libs = options.libraries() ? env.map(RunEnvironment::libraries).orElse(List.of()) : List.of();
            if (options.libraries()) {
                progress.accept("libraries: " + libs.stream().filter(Library::isMaven).count() + " from Maven, "
                        + libs.stream().filter(l -> !l.isMaven()).count() + " jar(s)");
            } else {
                progress.accept("libraries: skipped (--no-libraries)");
            }
            String experiment = reader.getExperiment(run.info().experimentId()).map(Experiment::name).orElse(null);
            clone.withSetupCell(SetupCell.lines(name, runId, experiment, libs, progress), runId);
            progress.accept("experiment: " + experiment);
            env.ifPresent(e -> chooseKernel(clone, e, runId, kernels, progress));
            envFile = folder.resolve(EnvironmentArtifact.FILE).toAbsolutePath().normalize();
            write(envFile, env.map(EnvironmentJson::write).orElse(null));
        }
        write(target, clone.text());
        progress.accept("wrote " + target + (envFile != null && Files.exists(envFile) ? " and " + envFile.getFileName() : ""));
        String tag = run.data().tags().get(SystemTags.EXECUTE_PARAMETERS);
        Optional<List<String>> parameters = tag == null ? Optional.empty() : ExecuteParameters.parse(tag);
        String given = parameters.map(p -> " " + ExecuteParameters.options(p)).orElse("");
        if (parameters.isPresent()) {
            progress.accept("parameters: the run was executed with" + given + "; the clone holds the notebook's own"
                    + " values, so give them again");
        } else if (tag != null) {
            progress.accept("parameters: the run's tag " + SystemTags.EXECUTE_PARAMETERS + " is not -p options as jruns execute"
                    + " writes them, so the command leaves it out: " + RecordedGit.printable(tag) + "; give the run's values again");
        }
        progress.accept("ready: jruns execute " + ProgramReproducer.quote(target.toString()) + given);
        return new Result(target, envFile != null && Files.exists(envFile) ? envFile : null, clone.kernelName());
    }

    private static void chooseKernel(NotebookClone clone, RunEnvironment env, String runId, KernelSpecs kernels,
                                     Consumer<String> progress) {
        RunEnvironment.Kernel k = env.kernel();
        if (k == null || k.name() == null) {
            progress.accept("kernel: the run did not come from a jruns kernel; the clone keeps its kernelspec");
            return;
        }
        if (!kernels.canCheck()) {
            progress.accept("kernel: cannot check installed kernels here; the clone keeps kernel '" + k.name() + "'");
            return;
        }
        Optional<KernelSpecs.KernelRef> found;
        try {
            found = kernels.find(k.name());
        } catch (JrunsException e) {
            progress.accept("kernel: cannot list Jupyter's kernels (" + e.getMessage() + "); the clone keeps kernel '"
                    + k.name() + "'");
            return;
        }
        if (found.isPresent()) {
            clone.withKernel(found.get().name(), found.get().displayName());
            progress.accept("kernel: " + k.name() + " (still installed)");
            return;
        }
        String name = "jruns-" + runId.substring(0, 8);
        List<String> options = ReusableJvmOptions.of(env.jvm().options());
        List<String> runningCode = ReusableJvmOptions.runningCode(env.jvm().options());
        if (!runningCode.isEmpty()) {
            progress.accept("warning: left out of the new kernel's JVM options, as they could run code or write files: "
                    + String.join(" ", runningCode) + "; add them back only if you trust them");
        }
        Optional<KernelSpecs.KernelRef> again = kernels.find(name);
        KernelSpecs.KernelRef ref;
        if (again.isPresent()) {
            ref = again.get();
            progress.accept("kernel: " + k.name() + " is gone; using " + name + ", installed by an earlier reproduction");
        } else {
            progress.accept("kernel: " + k.name() + " is gone; installing " + name + " with JVM options " + options + " ...");
            ref = kernels.install(name, "Java (jruns, run " + runId.substring(0, 8) + ")", options, k.resourceDir());
            progress.accept("kernel: installed " + ref.name() + " in " + ref.resourceDir());
        }
        clone.withKernel(ref.name(), ref.displayName());
    }

    /**
     * Beside the run's notebook, {@code Reproduced/<run name>-<8 id chars>/}, when the notebook's
     * folder is under the working folder; else in the working folder: the source name is a tag
     * anyone can set, and must not send the clone into any folder that exists.
     */
    static Path defaultFolder(Run run) {
        return defaultFolder(run, Path.of("").toAbsolutePath());
    }

    static Path defaultFolder(Run run, Path workingFolder) {
        String source = run.data().tags().get(SystemTags.SOURCE_NAME);
        Path base = workingFolder;
        if (source != null && source.endsWith(".ipynb")) {
            try {
                Path parent = Path.of(source).toAbsolutePath().getParent();
                if (parent != null && Files.isDirectory(parent) && parent.toRealPath().startsWith(workingFolder.toRealPath())) {
                    base = parent;
                }
            } catch (IOException | java.nio.file.InvalidPathException e) {
                // no such folder here: the working folder
            }
        }
        String runName = run.info().runName() == null ? "run" : run.info().runName();
        String safe = runName.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (safe.length() > 60) safe = safe.substring(0, 60);
        return base.resolve("Reproduced").resolve((safe.isEmpty() ? "run" : safe) + "-" + run.runId().substring(0, 8));
    }

    private static void write(Path file, String text) {
        if (text == null) return;
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
