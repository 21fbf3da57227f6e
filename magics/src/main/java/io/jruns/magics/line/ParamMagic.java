package io.jruns.magics.line;

import io.jruns.domain.JrunsException;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.logging.LineValues;
import io.jruns.magics.logging.RunTarget;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;

import java.util.List;
import java.util.Map;

/** {@code %param K=V...}: log params to the active run (one is started if none is). */
public final class ParamMagic implements Magic {
    private static final MagicSpec SPEC = new MagicSpec("param", MagicSpec.Kind.LINE, "%param K=V...",
            "Log params to the active run; params cannot change once logged.", List.of());

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) {
        Map<String, String> params = LineValues.params(args);
        if (params.isEmpty()) throw JrunsException.invalid("%param: give at least one KEY=VALUE");
        RunTarget target = RunTarget.activeOrStart();
        target.run().logParams(params);
        host.display(Output.text(target.say("logged " + params.size() + (params.size() == 1 ? " param" : " params"))));
    }
}
