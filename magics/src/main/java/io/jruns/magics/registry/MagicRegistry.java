package io.jruns.magics.registry;

import io.jruns.domain.JrunsException;
import io.jruns.magics.args.ArgsParser;
import io.jruns.magics.args.OptionSpec;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.expand.LineExpansion;
import io.jruns.magics.host.MagicHost;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that knows every magic: it runs them, and {@code %help}, completion and
 * docs/magics.md are generated from it. The kernel registers its own magics here too.
 */
public final class MagicRegistry {
    private final Map<String, Magic> line = new LinkedHashMap<>();
    private final Map<String, Magic> cell = new LinkedHashMap<>();

    public MagicRegistry register(Magic magic) {
        MagicSpec spec = magic.spec();
        Map<String, Magic> table = spec.kind() == MagicSpec.Kind.LINE ? line : cell;
        if (table.putIfAbsent(spec.name(), magic) != null) {
            throw new IllegalStateException(spec.invocation() + " is registered twice");
        }
        return this;
    }

    public Optional<Magic> find(MagicSpec.Kind kind, String name) {
        return Optional.ofNullable((kind == MagicSpec.Kind.LINE ? line : cell).get(name));
    }

    /** Every magic, line magics first, each group by name. */
    public List<MagicSpec> specs() {
        List<MagicSpec> out = new ArrayList<>();
        line.values().forEach(m -> out.add(m.spec()));
        cell.values().forEach(m -> out.add(m.spec()));
        out.sort(Comparator.comparing((MagicSpec s) -> s.kind()).thenComparing(MagicSpec::name));
        return out;
    }

    /** Runs a magic from its argument line; errors are one line naming the magic. */
    public void run(MagicHost host, MagicSpec.Kind kind, String name, String argLine, String body) throws Exception {
        Magic magic = find(kind, name).orElseThrow(() -> JrunsException.invalid("unknown magic "
                + (kind == MagicSpec.Kind.CELL ? "%%" : "%") + name + " (see %help)"));
        String invocation = (kind == MagicSpec.Kind.CELL ? "%%" : "%") + name;
        List<String> words = LineExpansion.words(invocation, argLine == null ? "" : argLine, host);
        ParsedArgs args = ArgsParser.parseWords(name, magic.spec().options(), magic.spec().actions(), words);
        magic.run(host, args, body);
    }

    /**
     * Completions of the word being typed after a magic's name: one of its actions as the first
     * word, its options after a dash (those the action given takes), and magic names for %help.
     * {@code before} are the words already typed between the name and this one.
     */
    public List<String> completeArgument(MagicSpec.Kind kind, String name, List<String> before, String typed) {
        Optional<Magic> magic = find(kind, name);
        if (magic.isEmpty()) return List.of();
        MagicSpec spec = magic.get().spec();
        List<String> out = new ArrayList<>();
        if (typed.startsWith("-")) {
            String action = before.stream().filter(spec.actions()::contains).findFirst().orElse(null);
            for (OptionSpec o : spec.options()) {
                boolean taken = action == null || o.actions().isEmpty() || o.actions().contains(action);
                if (taken && ("--" + o.name()).startsWith(typed)) out.add("--" + o.name());
            }
        } else if (before.isEmpty()) {
            for (String a : spec.actions()) if (a.startsWith(typed)) out.add(a);
            if (kind == MagicSpec.Kind.LINE && name.equals("help")) {
                String bare = typed.replaceFirst("^%+", "");
                for (MagicSpec m : specs()) if (m.name().startsWith(bare) && !out.contains(m.name())) out.add(m.name());
            }
        }
        return out;
    }

    /** Magic invocations starting with {@code prefix} (which includes the % signs). */
    public List<String> complete(String prefix) {
        List<String> out = new ArrayList<>();
        for (MagicSpec s : specs()) if (s.invocation().startsWith(prefix)) out.add(s.invocation());
        return out;
    }
}
