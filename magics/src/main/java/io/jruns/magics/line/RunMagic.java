package io.jruns.magics.line;

import io.jruns.ActiveRun;
import io.jruns.domain.JrunsException;
import io.jruns.Jruns;
import io.jruns.RunOptions;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import io.jruns.magics.args.KeyValue;
import io.jruns.magics.args.OptionSpec;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code %run start|end}: start and end runs; alone, shows the active run. */
public final class RunMagic implements Magic {
    private static final MagicSpec SPEC = new MagicSpec("run", MagicSpec.Kind.LINE,
            "%run start [NAME] [--nested] [--tag K=V]... [--note TEXT] | %run end [--status FINISHED|FAILED|KILLED] | %run",
            "Start a run (nested under the active one with --nested), end the active run, or show it.",
            List.of(OptionSpec.flag("nested", "start under the active run").only("start"),
                    OptionSpec.repeated("tag", "K=V", "a tag for the new run").only("start"),
                    OptionSpec.value("note", "TEXT", "the run's description").only("start"),
                    OptionSpec.value("status", "STATUS", "how the run ended (default FINISHED)").only("end")),
            List.of("start", "end"));

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) {
        List<String> words = args.positional();
        String verb = words.isEmpty() ? "" : words.get(0);
        switch (verb) {
            case "" -> show(host);
            case "start" -> start(host, args);
            case "end" -> end(host, args);
            default -> throw JrunsException.invalid("%run: unknown action '" + verb + "' (expected start or end)");
        }
    }

    private static void show(MagicHost host) {
        Optional<ActiveRun> run = Jruns.activeRun();
        if (run.isEmpty()) {
            host.display(Output.text("No active run. Start one with %run start [NAME]."));
            return;
        }
        host.display(Names.card(run.get().info()));
    }

    private static void start(MagicHost host, ParsedArgs args) {
        if (args.positional().size() > 2) {
            throw JrunsException.invalid("%run start takes one name; quote a name with spaces: %run start \"my run\"");
        }
        RunOptions.Builder options = RunOptions.builder().nested(args.flag("nested"));
        // an empty name gets a generated one, as MLflow's start_run(run_name="") does
        if (args.positional().size() == 2 && !args.positional().get(1).isBlank()) options.name(args.positional().get(1));
        for (String kv : args.values("tag")) {
            Map.Entry<String, String> e = KeyValue.parse("run", kv);
            options.tag(e.getKey(), e.getValue());
        }
        args.value("note").ifPresent(options::note);
        ActiveRun run = Jruns.startRun(options.build());
        host.display(Names.card(run.info()));
        if (!run.info().data().tags().containsKey(SystemTags.SOURCE_NAME)) {
            host.display(Output.text(UNKNOWN_SOURCE));
        }
    }

    static final String UNKNOWN_SOURCE = "The run has no source notebook: this front end does not tell the kernel"
            + " which notebook runs. Set it with %notebook PATH, and later runs are tied to it.";

    private static void end(MagicHost host, ParsedArgs args) {
        String given = args.value("status").orElse("FINISHED");
        RunStatus status = Arrays.stream(RunStatus.values()).filter(s -> s.isTerminated() && s.name().equalsIgnoreCase(given))
                .findFirst().orElseThrow(() -> JrunsException.invalid("%run end: --status must be FINISHED, FAILED or KILLED, not "
                        + given));
        ActiveRun run = Jruns.activeRun().orElseThrow(() ->
                new JrunsException(JrunsException.Code.INVALID_STATE, "%run end: no active run"));
        run.end(status);
        host.display(Names.card(Jruns.client().getRun(run.runId())));
    }
}
