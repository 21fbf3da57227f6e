package io.jruns.cli;

import io.jruns.transfer.TransferReport;
import io.jruns.transfer.Transfers;

import java.nio.file.Path;
import java.util.List;

/** {@code jruns export --to DIR}: runs in MLflow's file-store layout. */
final class ExportCommand implements Command {
    private static final CommandSpec SPEC = new CommandSpec("export", List.of(), List.of(
            TransferOptions.EXPERIMENT, TransferOptions.FILTER,
            OptionSpec.value("--to", "DIR", "the folder to write (created if missing)")),
            "Write runs in MLflow's file-store layout",
            "DIR/<experiment>/meta.yaml, DIR/<experiment>/<run>/{meta.yaml,metrics,params,tags,artifacts}, as "
                    + "'mlflow ui --backend-store-uri DIR' reads them. Ids are kept; exporting again replaces those runs.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        Path dir = Path.of(TransferOptions.required(args, "--to")).toAbsolutePath();
        TransferReport r = Transfers.export(context.store(), dir, TransferOptions.selection(args),
                TransferOptions.progress(context.err(), "export"));
        context.out().println(r.summary("Exported") + " to " + dir);
    }
}
