package io.jruns.reproduce;

import io.jruns.ActiveRun;
import io.jruns.RunContext;
import io.jruns.domain.SystemTags;
import io.jruns.source.GitInfo;
import io.jruns.source.ProgramGit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A plain Java program's run context with its code's git state (commit, branch, remote, root,
 * dirty, untracked: {@link ProgramGit}) and its environment recorded (environment.json and its
 * tags); found by the core through ServiceLoader when jruns-models is on the class path.
 * JRUNS_CAPTURE_ENVIRONMENT=false turns the environment recording off.
 */
public final class ProgramRunContext implements RunContext {
    private final RunContext plain = RunContext.plainProgram();

    @Override
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>(plain.tags());
        ProgramGit.of(tags.getOrDefault(SystemTags.SOURCE_NAME, "")).map(GitInfo::tags).ifPresent(tags::putAll);
        if (EnvironmentArtifact.enabled()) tags.putAll(EnvironmentArtifact.tags(JvmEnvironment.ofProgram()));
        return tags;
    }

    @Override
    public Optional<String> defaultExperimentName() {
        return plain.defaultExperimentName();
    }

    @Override
    public void onRunStarted(ActiveRun run) {
        if (EnvironmentArtifact.enabled()) EnvironmentArtifact.logQuietly(run, JvmEnvironment::ofProgram);
    }
}
