package io.jruns.magics.line;

import io.jruns.domain.JrunsException;
import io.jruns.Jruns;
import io.jruns.magics.args.OptionSpec;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.logging.LineValues;
import io.jruns.magics.logging.RunTarget;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;

import java.util.List;
import java.util.Map;

/** {@code %tag K=V...} sets tags on the active run; {@code %tag --delete K...} removes them. */
public final class TagMagic implements Magic {
    private static final MagicSpec SPEC = new MagicSpec("tag", MagicSpec.Kind.LINE, "%tag K=V... | %tag --delete K...",
            "Set tags on the active run, or delete them; tags stay editable after the run ends.",
            List.of(OptionSpec.flag("delete", "delete the named tags")));

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) {
        if (args.flag("delete")) {
            if (args.positional().isEmpty()) throw JrunsException.invalid("%tag --delete: name the tags to delete");
            // unlike logging, a delete starting a run would leave an empty run behind its own error
            if (Jruns.activeRun().isEmpty()) {
                throw new JrunsException(JrunsException.Code.INVALID_STATE,
                        "%tag --delete: no active run to delete tags from (start one with %run start)");
            }
            List<String> keys = LineValues.tagsToDelete(args, Jruns.activeRun().get());
            keys.forEach(Jruns::deleteTag);
            host.display(Output.text("deleted " + keys.size() + " tag(s)"));
            return;
        }
        Map<String, String> tags = LineValues.tags(args);
        if (tags.isEmpty()) throw JrunsException.invalid("%tag: give at least one KEY=VALUE");
        RunTarget target = RunTarget.activeOrStart();
        target.run().setTags(tags);
        host.display(Output.text(target.say("set " + tags.size() + (tags.size() == 1 ? " tag" : " tags"))));
    }
}
