package io.jruns.cli;

import io.jruns.domain.JrunsException;
import io.jruns.store.TrackingUri;
import io.jruns.transfer.TransferReport;
import io.jruns.transfer.Transfers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code jruns import DIR}: runs from MLflow's file-store layout into the current store. */
final class ImportCommand implements Command {
    private static final CommandSpec SPEC = new CommandSpec("import", List.of("DIR"), List.of(TransferOptions.EXPERIMENT),
            "Read runs from MLflow's file-store layout into the current store",
            "DIR is a 'jruns export' folder or an MLflow mlruns folder. Runs get new ids; parent links follow them; "
                    + "each keeps its source id in the tag jruns.source.runId, so importing again adds nothing.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        Path dir = Path.of(args.positional(0)).toAbsolutePath();
        if (!Files.isDirectory(dir)) throw JrunsException.notFound("import: no folder at " + dir);
        TrackingUri target = TrackingUri.resolve(context.trackingUri().orElse(null), context.environment().variables());
        TransferReport r = TransferOptions.resumable("import", () -> Transfers.importDir(dir, context.store(),
                TransferOptions.isTarget(target, context), TransferOptions.selection(args),
                TransferOptions.progress(context.err(), "import")));
        context.out().println(r.summary("Imported", "into " + context.store().describe()));
        TransferOptions.failOnFailedRuns(r, "import", context);
    }
}
