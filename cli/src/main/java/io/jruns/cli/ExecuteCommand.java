package io.jruns.cli;

import io.jruns.domain.JrunsException;
import io.jruns.execute.InstalledKernels;
import io.jruns.execute.Jupyter;
import io.jruns.execute.NotebookJson;
import io.jruns.execute.NotebookRun;
import io.jruns.execute.ParameterCell;
import io.jruns.execute.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code jruns execute NOTEBOOK}: runs a notebook headlessly and prints what its cells printed. */
final class ExecuteCommand implements Command {
    private static final CommandSpec SPEC = new CommandSpec("execute", List.of("NOTEBOOK"), List.of(
            OptionSpec.value("--output", "FILE", "write the executed notebook here (also when a cell fails)"),
            OptionSpec.repeated("-p", "NAME=VALUE", "a parameter: a cell declaring it goes after the cell tagged "
                    + "'parameters' (else first); numbers, true/false and text are typed"),
            OptionSpec.value("--kernel", "NAME", "the kernelspec to run it on (default: the notebook's own, else jruns)"),
            OptionSpec.value("--timeout", "SECONDS", "the most one cell may take (default 3600)"),
            OptionSpec.flag("--quiet", "do not print the cells' text output")),
            "Execute a notebook headlessly (nbclient); runs it logs are tagged with it, source type JOB",
            "Exits 1 when a cell fails, printing the failing cell and its error; runs it left open end as FAILED.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /** The kernelspec the notebook names (a reproduced notebook names its own), else jruns. */
    static String notebookKernel(Path notebook) {
        if (!Files.isRegularFile(notebook)) return "jruns";
        String name = NotebookJson.read(notebook).path("metadata").path("kernelspec").path("name").asText("");
        return name.isBlank() ? "jruns" : name;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        Parameters params = new Parameters();
        for (String p : args.values("-p")) {
            try {
                params.add(p);
            } catch (JrunsException e) {
                throw new UsageException(e.getMessage()); // how the command was typed: exit 2
            }
        }
        Path notebook = Path.of(args.positional(0));
        String kernel = args.value("--kernel") != null ? args.value("--kernel") : notebookKernel(notebook);
        Map<String, String> env = new HashMap<>();
        context.trackingUri().ifPresent(uri -> env.put("JRUNS_TRACKING_URI", uri));
        NotebookRun run = new NotebookRun(notebook, params, kernel, args.positiveInt("--timeout", 3600), env);
        if (!Files.isRegularFile(notebook)) throw JrunsException.invalid("no such notebook: " + notebook);
        // before a kernel starts: a value the notebook's declared type cannot hold fails here, at once
        params.check(ParameterCell.declared(NotebookJson.read(notebook)), w -> context.err().println("jruns execute: " + w));
        Jupyter jupyter = Jupyter.locate(context.environment().variables());
        InstalledKernels installed = InstalledKernels.list(jupyter, env);
        if (!installed.has(kernel)) throw installed.missing("execute", kernel);
        context.err().println("executing " + notebook + " on kernel '" + kernel + "' ...");
        NotebookRun.Outcome outcome;
        boolean interrupted;
        try (FirstInterrupt ctrlC = new FirstInterrupt(context.err(), "execute")) {
            outcome = run.execute(jupyter);
            interrupted = ctrlC.seen();
        }
        if (outcome.executed() != null) {
            if (!args.flag("--quiet")) NotebookJson.textOutputs(outcome.executed()).forEach(context.out()::print);
            if (args.value("--output") != null) write(Path.of(args.value("--output")), outcome, context);
        }
        if (outcome.failed()) {
            // after a Ctrl-C, nbclient's report is of its own cleanup: the one line says what happened
            if (interrupted) {
                throw new JrunsException(JrunsException.Code.INVALID_STATE,
                        "execute: " + notebook + " was interrupted; runs it left open ended KILLED");
            }
            context.err().println(outcome.failure());
            throw new JrunsException(JrunsException.Code.INVALID_STATE, "execute: a cell of " + notebook + " failed");
        }
    }

    /** The executed notebook, also when a cell failed: it shows the cells run and the error where it happened. */
    private static void write(Path out, NotebookRun.Outcome outcome, CliContext context) {
        try {
            Files.writeString(out, NotebookJson.write(outcome.executed()));
        } catch (IOException e) {
            throw JrunsException.invalid("cannot write " + out + ": " + e.getMessage());
        }
        context.err().println("wrote " + out + (outcome.failed() ? " (up to the failing cell)" : ""));
    }
}
