package io.jruns.cli;

import io.jruns.domain.SystemTags;
import io.jruns.store.Store;
import io.jruns.store.TrackingUri;
import io.jruns.transfer.TransferReport;
import io.jruns.transfer.Transfers;

import java.util.List;

/** {@code jruns copy --from URI --to URI}: runs between any two stores. */
final class CopyCommand implements Command {
    private static final CommandSpec SPEC = new CommandSpec("copy", List.of(), List.of(
            OptionSpec.required("--from", "URI", "the tracking URI to copy from (an existing store: a folder, sqlite:///file.db, "
                    + "http(s)://host, databricks)"),
            OptionSpec.required("--to", "URI", "the tracking URI to copy to"),
            TransferOptions.EXPERIMENT, TransferOptions.FILTER),
            "Copy runs between two stores",
            "Keeps params, every metric point, tags and notes, artifacts, status, times, parent links (pointed at the "
                    + "copies) and deletion. Experiments are matched by name. The source run id is kept in the tag "
                    + SystemTags.COPY_SOURCE_RUN_ID + ", so copying again adds only runs not copied yet, and copies again a run that was running when copied;"
                    + " copying back into the store a run came from skips it. A run the target refuses fails alone: listed at the end, exit 1.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        String from = TransferOptions.required(args, "--from");
        String to = TransferOptions.required(args, "--to");
        TrackingUri toUri = TransferOptions.resolve(to, context);
        CopyEnds.check(TransferOptions.resolve(from, context), toUri);
        try (Store source = TransferOptions.open(from, context); Store target = TransferOptions.open(to, context)) {
            TransferReport r = TransferOptions.resumable("copy", () -> Transfers.copy(source, TransferOptions.shown(from, context),
                    target, TransferOptions.isTarget(toUri, context), TransferOptions.selection(args),
                    TransferOptions.progress(context.err(), "copy")));
            context.out().println(r.summary("Copied", "from " + source.describe() + " to " + target.describe()));
            TransferOptions.failOnFailedRuns(r, "copy", context);
        }
    }
}
