package io.jruns.cli;

import io.jruns.domain.JrunsException;
import io.jruns.transfer.TransferReport;
import io.jruns.transfer.Transfers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code jruns export --to DIR}: runs in MLflow's file-store layout. */
final class ExportCommand implements Command {
    private static final CommandSpec SPEC = new CommandSpec("export", List.of(), List.of(
            TransferOptions.EXPERIMENT, TransferOptions.FILTER,
            OptionSpec.required("--to", "DIR", "the folder to write: new or empty (created if missing)"),
            OptionSpec.flag("--force", "write into a folder that is not empty, e.g. an earlier export: "
                    + "runs exported again are replaced, the others kept")),
            "Write runs in MLflow's file-store layout",
            "DIR/<experiment>/meta.yaml, DIR/<experiment>/<run>/{meta.yaml,metrics,params,tags,artifacts}, as "
                    + "'mlflow ui --backend-store-uri DIR' reads them. Ids are kept. A folder that is not empty "
                    + "(an earlier export) is refused unless --force merges into it.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        Path dir = Path.of(TransferOptions.required(args, "--to")).toAbsolutePath();
        checkTarget(dir, args.flag("--force"));
        TransferReport r;
        try {
            r = Transfers.export(context.store(), dir, TransferOptions.selection(args),
                    TransferOptions.progress(context.err(), "export"));
        } catch (UncheckedIOException e) {
            throw JrunsException.invalid("export: cannot write to " + dir + ": " + describe(e.getCause()));
        }
        context.out().println(r.summary("Exported", "to " + dir));
    }

    /** Refuses, before anything is written, a file, a path through a file, and a folder holding something without --force. */
    static void checkTarget(Path dir, boolean force) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw JrunsException.invalid("export: " + (p.equals(dir) ? "--to " + dir + " is a file"
                        : "cannot create " + dir + ": " + p + " is a file") + "; give a new or empty folder");
            }
        }
        if (!Files.isDirectory(dir) || force) return;
        List<String> experiments = new ArrayList<>();
        boolean empty;
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> all = children.toList();
            empty = all.isEmpty();
            for (Path child : all) {
                if (Files.isRegularFile(child.resolve("meta.yaml"))) experiments.add(child.getFileName().toString());
            }
            Path trash = dir.resolve(".trash");
            if (Files.isDirectory(trash)) {
                try (Stream<Path> deleted = Files.list(trash)) {
                    deleted.filter(d -> Files.isRegularFile(d.resolve("meta.yaml")))
                            .forEach(d -> experiments.add(".trash/" + d.getFileName()));
                }
            }
        } catch (IOException e) {
            throw JrunsException.invalid("export: cannot read " + dir + ": " + describe(e));
        }
        if (!experiments.isEmpty()) {
            throw new JrunsException(JrunsException.Code.RESOURCE_ALREADY_EXISTS, "export: " + dir + " already holds an export ("
                    + experiments.size() + (experiments.size() == 1 ? " experiment" : " experiments")
                    + "); add --force to write into it (runs exported again are replaced, the others kept), "
                    + "or give a new folder");
        }
        if (!empty) {
            throw new JrunsException(JrunsException.Code.RESOURCE_ALREADY_EXISTS, "export: " + dir
                    + " is not empty; give a new or empty folder, or add --force to write into it anyway");
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof AccessDeniedException a) return "permission denied: " + a.getFile();
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason() + ": " + f.getFile();
        return e == null || e.getMessage() == null ? String.valueOf(e) : e.getMessage();
    }
}
