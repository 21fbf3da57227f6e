package io.jruns.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every command, in the order help lists them; lookup and help text come from their specs. */
final class Commands {
    private final List<Command> all;

    /** The given commands plus {@code help}, which reads this registry. */
    Commands(List<Command> commands) {
        List<Command> list = new ArrayList<>(commands);
        list.add(new HelpCommand(this));
        this.all = List.copyOf(list);
    }

    static Commands standard() {
        return new Commands(List.of(
                new ExperimentsListCommand(),
                new RunsListCommand(),
                new RunsGetCommand(),
                new MetricHistoryCommand(),
                new RunsSearchCommand(),
                new RunsRenameCommand(),
                new RunsTagCommand(),
                new RunsUntagCommand(),
                new RunsDeleteCommand(),
                new RunsRestoreCommand(),
                new RunsEndCommand(),
                new GcCommand(),
                new ExportCommand(), new ImportCommand(), new CopyCommand(),
                new ClasspathCommand(),
                new InstallCommand(),
                new KernelsCommand(),
                new SparesCommand(),
                new ExecuteCommand(),
                new ReproduceCommand(),
                new UiCommand()));
    }

    List<Command> all() {
        return all;
    }

    /** The command whose words start {@code words}, the longest such name winning. */
    Optional<Command> find(List<String> words) {
        Command best = null;
        for (Command c : all) {
            List<String> name = c.spec().words();
            boolean prefix = name.size() <= words.size() && words.subList(0, name.size()).equals(name);
            if (prefix && (best == null || name.size() > best.spec().words().size())) best = c;
        }
        return Optional.ofNullable(best);
    }

    /** The second words of commands under a group like {@code runs}; empty when it is no group. */
    List<String> subcommands(String group) {
        Set<String> subs = new LinkedHashSet<>();
        for (Command c : all) {
            List<String> name = c.spec().words();
            if (name.size() > 1 && name.get(0).equals(group)) subs.add(name.get(1));
        }
        return List.copyOf(subs);
    }

    /** Help for a group like {@code runs}: its subcommands with their summaries; empty when it is no group. */
    Optional<String> groupHelp(String group) {
        List<Command> members = all.stream().filter(c -> c.spec().words().size() > 1 && c.spec().words().get(0).equals(group)).toList();
        if (members.isEmpty()) return Optional.empty();
        StringBuilder b = new StringBuilder("Usage: jruns ").append(group).append(" SUBCOMMAND [ARGS...]\n\nSubcommands:\n");
        int width = members.stream().mapToInt(c -> c.spec().words().get(1).length()).max().orElse(0) + 2;
        for (Command c : members) {
            b.append("  ").append(pad(c.spec().words().get(1), width)).append(c.spec().summary()).append('\n');
        }
        b.append("\nRun 'jruns help ").append(group).append(" SUBCOMMAND' for its arguments and options.\n");
        return Optional.of(b.toString());
    }

    String overview() {
        StringBuilder b = new StringBuilder();
        b.append("jruns ").append(Version.current()).append(": experiment tracking for Java notebooks, MLflow-compatible\n\n");
        b.append("Usage: jruns [--tracking-uri URI] COMMAND [ARGS...]\n\nCommands:\n");
        int width = all.stream().mapToInt(c -> c.spec().name().length()).max().orElse(0) + 2;
        for (Command c : all) {
            b.append("  ").append(pad(c.spec().name(), width)).append(c.spec().summary()).append('\n');
        }
        b.append("\nGlobal options:\n");
        b.append("  --tracking-uri URI  where runs are stored; default $JRUNS_TRACKING_URI, then\n");
        b.append("                      $MLFLOW_TRACKING_URI, then the folder $JRUNS_HOME or ~/.jruns\n");
        b.append("  --help, -h          show help (after a command: that command's help)\n");
        b.append("  --version           show the version\n");
        b.append("\nRun 'jruns help COMMAND' for a command's arguments and options.\n");
        return b.toString();
    }

    static String help(CommandSpec spec) {
        StringBuilder b = new StringBuilder("Usage: ").append(spec.usage()).append("\n\n");
        String text = spec.summary() + "." + (spec.details().isEmpty() ? "" : " " + spec.details());
        b.append(wrap(text, 78)).append('\n');
        if (!spec.options().isEmpty()) {
            b.append("\nOptions:\n");
            int width = spec.options().stream().mapToInt(o -> label(o).length()).max().orElse(0) + 2;
            String indent = "\n" + " ".repeat(width + 2);
            spec.options().forEach(o -> b.append("  ").append(pad(label(o), width))
                    .append(wrap(o.help(), Math.max(30, 78 - width - 2)).replace("\n", indent)).append('\n'));
        }
        return b.toString();
    }

    /** Breaks text into lines of at most {@code width} characters at spaces. */
    static String wrap(String text, int width) {
        StringBuilder b = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (b.length() > lineStart && b.length() - lineStart + 1 + word.length() > width) {
                b.append('\n');
                lineStart = b.length();
            } else if (b.length() > lineStart) {
                b.append(' ');
            }
            b.append(word);
        }
        return b.toString();
    }

    private static String label(OptionSpec o) {
        return o.name() + (o.takesValue() ? " " + o.valueName() : "");
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(1, width - s.length()));
    }
}
