package io.jruns.cli;

import io.jruns.domain.JrunsException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Prints the runtime classpath of the tracking API, for {@code java -cp "$(jruns classpath)" Train.java}. */
final class ClasspathCommand implements Command {
    private static final CommandSpec SPEC = new CommandSpec("classpath", List.of(), List.of(),
            "Print the classpath of the jruns tracking API and its libraries",
            "Absolute jar paths joined with the platform separator, e.g. java -cp \"$(install/jruns classpath)\" Train.java.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        context.out().println(String.join(File.pathSeparator, jars(context.environment().libDir())));
    }

    /** The jars in the assembled lib folder: the tracking jar first, then the rest by name. */
    static List<String> jars(Path libDir) {
        List<Path> jars;
        try (Stream<Path> s = Files.isDirectory(libDir) ? Files.list(libDir) : Stream.empty()) {
            jars = s.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().startsWith("jruns-tracking"))
                            .thenComparing(p -> p.getFileName().toString()))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "cannot list " + libDir + ": " + e.getMessage(), e);
        }
        if (jars.stream().noneMatch(p -> p.getFileName().toString().startsWith("jruns-tracking"))) {
            throw new JrunsException(JrunsException.Code.RESOURCE_DOES_NOT_EXIST, "no assembled jruns libraries in "
                    + libDir + ": run install/jruns once (it builds them), or mvn -pl cli -am package");
        }
        return jars.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
    }
}
