package io.jruns.cli;

import io.jruns.domain.JrunsException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code jruns} command. Exit codes: 0 done, 1 the work failed, 2 the command line was
 * wrong. Errors are one line on stderr starting {@code jruns: }; a stack trace only for an
 * unexpected failure with {@code JRUNS_DEBUG=1}.
 */
public final class Main {
    private final Environment env;
    private final Commands commands;

    Main(Environment env) {
        this.env = env;
        this.commands = Commands.standard();
    }

    public static void main(String[] args) {
        int code = new Main(Environment.system()).run(args);
        System.out.flush();
        System.exit(code);
    }

    int run(String... argv) {
        try {
            return dispatch(Arrays.asList(argv));
        } catch (UsageException e) {
            return fail(2, e.getMessage(), null);
        } catch (io.jruns.search.FilterException e) {
            // The one error worth two more lines: the expression with a caret under the problem.
            int code = fail(2, e.getMessage(), null);
            e.caretDisplay().lines().limit(2).forEach(l -> env.err().println("  " + l));
            return code;
        } catch (JrunsException e) {
            return fail(1, e.getMessage(), null);
        } catch (RuntimeException e) {
            return fail(1, "internal error: " + e, e);
        }
    }

    private int dispatch(List<String> argv) {
        Globals g = Globals.extract(argv);
        if (g.version()) {
            env.out().println("jruns " + Version.current());
            return 0;
        }
        if (g.rest().isEmpty()) {
            if (g.help()) {
                env.out().print(commands.overview());
                return 0;
            }
            env.err().print(commands.overview());
            return 2;
        }
        Optional<Command> found = commands.find(g.rest());
        if (found.isEmpty() && g.help() && g.rest().size() == 1) {
            Optional<String> group = commands.groupHelp(g.rest().get(0));
            if (group.isPresent()) {
                env.out().print(group.get());
                return 0;
            }
        }
        if (found.isEmpty()) throw unknown(g.rest());
        CommandSpec spec = found.get().spec();
        if (g.help()) {
            env.out().print(Commands.help(spec));
            return 0;
        }
        ParsedArgs args = Args.parse(spec, g.rest().subList(spec.words().size(), g.rest().size()));
        try (CliContext ctx = new CliContext(env, g.trackingUri())) {
            found.get().run(args, ctx);
        }
        return 0;
    }

    private UsageException unknown(List<String> words) {
        List<String> subs = commands.subcommands(words.get(0));
        if (!subs.isEmpty()) {
            String which = words.size() > 1 ? "unknown command '" + words.get(0) + " " + words.get(1) + "'"
                    : "'" + words.get(0) + "' needs a subcommand";
            return new UsageException(which + ": one of " + String.join(", ", subs));
        }
        return new UsageException("unknown command '" + words.get(0) + "' (see 'jruns help')");
    }

    private int fail(int code, String message, Throwable cause) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        env.err().println("jruns: " + line);
        if (cause != null) {
            if (env.debug()) cause.printStackTrace(env.err());
            else env.err().println("jruns: set JRUNS_DEBUG=1 to see the stack trace");
        }
        return code;
    }

    /** The options every command accepts, taken out wherever they appear before {@code --}. */
    record Globals(String trackingUri, boolean help, boolean version, List<String> rest) {
        static Globals extract(List<String> argv) {
            String uri = null;
            boolean help = false;
            boolean version = false;
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < argv.size(); i++) {
                String a = argv.get(i);
                if (a.equals("--")) {
                    rest.addAll(argv.subList(i, argv.size()));
                    break;
                } else if (a.equals("--help") || a.equals("-h")) {
                    help = true;
                } else if (a.equals("--version")) {
                    version = true;
                } else if (a.equals("--tracking-uri")) {
                    if (i + 1 >= argv.size()) throw new UsageException("--tracking-uri needs a value (URI)");
                    uri = argv.get(++i);
                } else if (a.startsWith("--tracking-uri=")) {
                    uri = a.substring("--tracking-uri=".length());
                } else {
                    rest.add(a);
                }
            }
            if (uri != null && uri.isBlank()) throw new UsageException("--tracking-uri is empty");
            return new Globals(uri, help, version, rest);
        }
    }
}
