package io.jruns.kernel.magic;

import io.jruns.domain.JrunsException;
import io.jruns.magics.args.OptionSpec;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** {@code %maven COORDINATES... [--repo URL]...}: resolves with Maven Resolver and adds the jars. */
final class MavenMagic implements Magic {
    private static final Pattern COORDINATES = Pattern.compile("[^:\\s]+:[^:\\s]+(:[^:\\s]+){1,3}");
    private static final MagicSpec SPEC = new MagicSpec("maven", MagicSpec.Kind.LINE,
            "%maven GROUP:ARTIFACT[:EXTENSION[:CLASSIFIER]]:VERSION... [--repo URL]...",
            "Resolve artifacts and their transitive dependencies with Maven Resolver (your ~/.m2/settings.xml "
                    + "and local repository) and add the jars to the class path.",
            List.of(OptionSpec.repeated("repo", "URL", "an extra remote repository")));
    private final NotebookClasspath classpath;

    MavenMagic(NotebookClasspath classpath) {
        this.classpath = classpath;
    }

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) {
        List<String> coordinates = args.positional();
        if (coordinates.isEmpty()) {
            throw JrunsException.invalid("%maven needs coordinates, e.g. %maven org.apache.commons:commons-math3:3.6.1");
        }
        for (String c : coordinates) {
            if (!COORDINATES.matcher(c).matches()) {
                throw JrunsException.invalid("%maven: '" + c + "' is not groupId:artifactId[:extension[:classifier]]:version");
            }
        }
        List<Path> jars = classpath.resolver().resolve(coordinates, args.values("repo"), System.out);
        List<Path> added = classpath.add("%maven " + String.join(" ", coordinates), jars);
        coordinates.forEach(classpath::recordMaven);
        System.out.println("Resolved " + String.join(", ", coordinates) + ": added "
                + JarsMagic.plural(added.size(), "jar") + " to the class path"
                + (jars.size() > added.size() ? " (" + (jars.size() - added.size()) + " already there)" : ""));
    }
}
