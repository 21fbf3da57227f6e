package io.jruns.execute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.JrunsException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One headless execution of a notebook (nbclient, as nbconvert runs it): parameters injected, the notebook's
 * identity and the JOB source type passed to the kernel, run in the notebook's own folder
 * (so its relative paths work), the executed notebook read back even when a cell failed.
 */
public record NotebookRun(Path notebook, Parameters parameters, String kernelName, int timeoutSeconds,
                          Map<String, String> env) {

    /** What came out: the executed notebook (null when none ran) and the failing cell's report, if one failed. */
    public record Outcome(ObjectNode executed, String failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    public Outcome execute(Jupyter jupyter) {
        Path nb = notebook.toAbsolutePath().normalize();
        if (!Files.isRegularFile(nb)) throw JrunsException.invalid("no such notebook: " + notebook);
        ObjectNode json = NotebookJson.read(nb);
        NotebookJson.injectParameters(json, parameters);
        Map<String, String> kernelEnv = new LinkedHashMap<>(env);
        kernelEnv.put("JRUNS_NOTEBOOK", nb.toString());
        // As a Jupyter server started here would name it: the path from this folder, so the
        // notebook's experiment is "notebooks/quickstart.ipynb", not an absolute path.
        Path here = Path.of("").toAbsolutePath().normalize();
        if (nb.startsWith(here)) kernelEnv.put("JPY_SESSION_NAME", here.relativize(nb).toString().replace('\\', '/'));
        kernelEnv.put("JRUNS_SOURCE_TYPE", "JOB");
        if (!parameters.isEmpty()) kernelEnv.put("JRUNS_EXECUTE_PARAMETERS", parameters.asOptions()); // tagged on its runs
        try {
            Jupyter.Executed done = jupyter.execute(kernelEnv, nb.getParent(), NotebookJson.write(json), kernelName, timeoutSeconds);
            ObjectNode executed = NotebookJson.parse(done.notebook(), "the executed notebook");
            return new Outcome(executed, done.failure() == null ? null : FailureText.of(done.failure()));
        } catch (ProcessFailure f) {
            // the kernel never started: say so (ExecuteCommand checks first; this covers a spec removed meanwhile)
            Optional<String> missing = InstalledKernels.noSuchKernel(f.stderr());
            if (missing.isPresent()) throw InstalledKernels.list(jupyter, kernelEnv).missing("execute", missing.get());
            return new Outcome(null, FailureText.of(f.stderr()));
        }
    }
}
