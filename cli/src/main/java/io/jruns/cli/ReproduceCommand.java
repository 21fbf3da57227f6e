package io.jruns.cli;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Run;
import io.jruns.kernel.env.JupyterKernelSpecs;
import io.jruns.TrackingClient;
import io.jruns.reproduce.EnvironmentArtifact;
import io.jruns.reproduce.EnvironmentReport;
import io.jruns.reproduce.ReproduceOptions;
import io.jruns.reproduce.Reproducer;
import io.jruns.reproduce.RunEnvironment;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code jruns reproduce RUN [--to FOLDER]}: the run's notebook at its revision, or a program run's
 * repository at its commit, ready to run as the run ran.
 */
final class ReproduceCommand implements Command {
    private static final CommandSpec SPEC = new CommandSpec("reproduce", List.of("RUN"), List.of(
            OptionSpec.value("--to", "FOLDER", "where the clone goes (default: Reproduced/<run>/ beside the notebook, or here for a program's run)"),
            OptionSpec.flag("--no-environment", "clone only the notebook: no environment.json, no set-up cell, same kernel"),
            OptionSpec.flag("--no-libraries", "the set-up cell does not re-add the run's %maven and %jars libraries"),
            OptionSpec.flag("--show-spec", "print the run's recorded Java, JVM, OS, machine and kernel instead"),
            OptionSpec.flag("--show-libraries", "print the run's recorded libraries instead"),
            OptionSpec.flag("--no-cds", "when a kernel must be installed, skip its start-up archive"),
            ManageOptions.EXPERIMENT),
            "Clone a run's notebook at its revision (a Java program's repository at its commit), ready to run as the run ran",
            "RUN is a run id, a unique id prefix or a run name. The clone gets the run's environment.json beside it, "
                    + "a first cell that re-adds the run's libraries and sets its experiment, and the run's kernel: the same "
                    + "kernelspec when it is still installed, else a new one (jruns-<run id prefix>) with the recorded JVM options. "
                    + "A Java program's run clones the program's repository at the run's commit and prints the command that "
                    + "runs it there, with the run's JVM options and class path.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        Run run = ManageOptions.manager(args, context).resolve(args.positional(0));
        TrackingClient reader = TrackingClient.of(context.store());
        if (args.flag("--show-spec") || args.flag("--show-libraries")) {
            RunEnvironment env = EnvironmentArtifact.read(reader, run.runId()).orElseThrow(() -> JrunsException.notFound(
                    "reproduce: run " + run.runId() + " has no recorded environment (" + EnvironmentArtifact.FILE + ")"));
            if (args.flag("--show-spec")) context.out().print(EnvironmentReport.text(EnvironmentReport.spec(env)));
            if (args.flag("--show-libraries")) {
                List<String[]> rows = new java.util.ArrayList<>();
                rows.add(new String[]{"KIND", "LIBRARY", "SHA-256", "ADDED BY"});
                rows.addAll(EnvironmentReport.libraries(env));
                context.out().print(rows.size() == 1 ? "No libraries recorded: the run added none with %maven or %jars.\n"
                        : EnvironmentReport.text(rows));
            }
            return;
        }
        JupyterKernelSpecs kernels = new JupyterKernelSpecs(context.environment().variables(),
                () -> InstallCommand.kernelHome(context), !args.flag("--no-cds"));
        ReproduceOptions options = ReproduceOptions.builder()
                .to(args.value("--to") == null ? null : Path.of(args.value("--to")))
                .environment(!args.flag("--no-environment"))
                .libraries(!args.flag("--no-libraries"))
                .progress(line -> context.err().println("jruns: " + line))
                .build();
        Reproducer.Result r = Reproducer.reproduce(reader, run.runId(), options, kernels);
        context.out().println(r.notebook());
    }
}
