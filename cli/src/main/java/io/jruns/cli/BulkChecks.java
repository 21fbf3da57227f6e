package io.jruns.cli;

/** The two ways to call delete and restore (runs by reference, or bulk by time) do not mix. */
final class BulkChecks {
    private BulkChecks() {
    }

    /** Bulk by time: an experiment, no runs, and none of the by-reference options. */
    static void bulk(ParsedArgs args, String timeOption, String... byReferenceOnly) {
        String cmd = args.spec().name();
        if (args.value("--experiment") == null) throw new UsageException(cmd + ": " + timeOption + " needs --experiment");
        if (!args.positionals().isEmpty()) {
            throw new UsageException(cmd + ": give runs or " + timeOption + ", not both (got '" + args.positional(0) + "')");
        }
        for (String o : byReferenceOnly) {
            if (args.flag(o)) throw new UsageException(cmd + ": " + o + " applies to runs given by name or id, not to " + timeOption);
        }
    }

    /** By reference: at least one run, and no bulk-only options. */
    static void byReference(ParsedArgs args, String timeOption) {
        String cmd = args.spec().name();
        if (args.value("--max") != null) throw new UsageException(cmd + ": --max applies to " + timeOption + " only");
        if (args.positionals().isEmpty()) {
            throw new UsageException(cmd + ": give one or more runs (id, id prefix or name), or --experiment E "
                    + timeOption + " TIME");
        }
    }
}
