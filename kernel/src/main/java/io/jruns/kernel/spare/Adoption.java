package io.jruns.kernel.spare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * What a spare changes in itself to serve a launch it was not started for: the notebook's
 * variables ({@link SpareConfig#TAKEN}) and, where it can move, the working directory. Each
 * returns false when it could not be done.
 *
 * @param move empty where the spare serves only the folder it started in
 */
record Adoption(Predicate<Map<String, String>> variables, Optional<Predicate<Path>> move) {
    /** From JDK 24 what a spare writes is reached only through the packages jruns install opens there. */
    private static final String REINSTALL = Runtime.version().feature() >= 24
            ? " (on JDK 24+ a kernel needs the --add-opens jruns install gives it: jruns kernels tells, install it again)" : "";
    private static final Logger LOG = Logger.getLogger(Adoption.class.getName());

    /**
     * This JVM's, or empty (logged) where its environment cannot be written; without {@link #move}
     * (logged) where its directory cannot be, or its command line names a relative path.
     */
    static Optional<Adoption> open(Path privateDir) {
        Optional<WritableEnvironment> env = WritableEnvironment.open(privateDir);
        if (env.isEmpty()) {
            LOG.info("spare: serves only its own notebook: this JVM's environment cannot be written" + REINSTALL);
            return Optional.empty();
        }
        Optional<WorkingDirectory> dir = WorkingDirectory.open(env.get().nativeSide());
        Optional<String> relative;
        try {
            List<String> args = SpareSpawner.commandLine("self");
            relative = WorkingDirectory.relativeArgument(args.subList(1, args.size()));
        } catch (IOException e) {
            relative = Optional.of("(unknown: " + e.getMessage() + ")");
        }
        if (dir.isEmpty()) {
            LOG.info("spare: serves only notebooks of its folder: this JVM's working directory cannot be moved" + REINSTALL);
        } else if (relative.isPresent()) {
            LOG.info("spare: serves only notebooks of its folder: its command line may name a relative path: " + relative.get());
        }
        Optional<Predicate<Path>> move = relative.isPresent() ? Optional.empty() : dir.map(d -> d::moveTo);
        return Optional.of(new Adoption(env.get()::apply, move));
    }

    boolean canMove() {
        return move.isPresent();
    }

    /** Takes the launch's variables, and its directory where it is not {@code spareCwd}. */
    boolean adopt(HandOffRequest launch, Path spareCwd) {
        return variables.test(launch.taken())
                && (launch.cwd().equals(spareCwd) || move.isPresent() && move.get().test(launch.cwd()));
    }
}
