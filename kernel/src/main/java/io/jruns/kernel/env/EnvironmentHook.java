package io.jruns.kernel.env;

import io.jruns.ActiveRun;
import io.jruns.kernel.classpath.ClasspathLedger;
import io.jruns.kernel.home.KernelHome;
import io.jruns.reproduce.EnvironmentArtifact;
import io.jruns.reproduce.Libraries;
import io.jruns.reproduce.RunEnvironment;

import java.util.Map;

/**
 * Records the kernel's environment with every run (environment.json and a few tags) and lets
 * logged models name the notebook's libraries. Installed by the tracking hooks at
 * kernel start.
 */
public final class EnvironmentHook {
    private final KernelEnvironment environment;
    /** Captured for a run's tags and reused for its environment.json: one capture per run start. */
    private volatile RunEnvironment captured;

    private EnvironmentHook(KernelEnvironment environment) {
        this.environment = environment;
    }

    /** @param classpath the notebook's class path, whose libraries the environment lists */
    public static EnvironmentHook install(ClasspathLedger classpath) {
        EnvironmentHook hook = new EnvironmentHook(new KernelEnvironment(classpath, System.getenv(), KernelHome.locate()));
        Libraries.useSessionSource(hook.environment::libraries);
        return hook;
    }

    public String kernelName() {
        return environment.kernelName();
    }

    /** The environment tags for a new run ({@code jruns.env.*}). */
    public Map<String, String> tags() {
        if (!EnvironmentArtifact.enabled()) return Map.of();
        captured = environment.capture();
        return EnvironmentArtifact.tags(captured);
    }

    /** Stores environment.json with the run; a failure costs a warning, never the run. */
    public void onRunStarted(ActiveRun run) {
        if (!EnvironmentArtifact.enabled()) return;
        RunEnvironment env = captured;
        captured = null;
        EnvironmentArtifact.logQuietly(run, env != null ? () -> env : environment::capture);
    }
}
