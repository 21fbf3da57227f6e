package io.jruns.kernel.magic;

import io.jruns.domain.JrunsException;
import io.jruns.kernel.classpath.Globs;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;

import java.nio.file.Path;
import java.util.List;

/** {@code %jars PATH...}: adds jars (globs allowed) to the notebook's class path. */
final class JarsMagic implements Magic {
    private static final MagicSpec SPEC = new MagicSpec("jars", MagicSpec.Kind.LINE, "%jars PATH...",
            "Add jars to the class path. PATH may be a glob (lib/*.jar, libs/**.jar) or a folder of jars; "
                    + "relative paths are against the notebook's folder.", List.of());
    private final NotebookClasspath classpath;

    JarsMagic(NotebookClasspath classpath) {
        this.classpath = classpath;
    }

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) {
        if (args.positional().isEmpty()) {
            throw JrunsException.invalid("%jars needs at least one PATH (a jar, a folder of jars or a glob like lib/*.jar)");
        }
        Path base = classpath.baseDir();
        int added = 0;
        int total = 0;
        for (String pattern : args.positional()) {
            List<Path> jars = Globs.expand(pattern, base);
            if (jars.isEmpty()) {
                throw JrunsException.invalid("%jars: nothing matches '" + pattern + "' (relative to " + base + ")");
            }
            total += jars.size();
            added += classpath.add("%jars " + pattern, jars).size();
        }
        System.out.println("Added " + plural(added, "jar") + " to the class path"
                + (total > added ? " (" + (total - added) + " already there)" : ""));
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
