package io.jruns.internal.git;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One git command that cannot hang its caller: no stdin (a remote helper reading it would wait
 * forever), output to temporary files so that the time limit is waited on, not a pipe's end (a
 * helper git leaves behind keeps the pipe open), and git and its helpers stopped when time is up.
 * Only the usual transports: a remote that a run's tag names cannot be {@code fd::} or
 * {@code ext::} (which runs a command).
 */
public final class GitCommand {
    private static final String PROTOCOLS = "file:git:http:https:ssh";

    private GitCommand() {
    }

    /** What git said; {@code timedOut} when it was stopped at the limit ({@code exit} is then -1). */
    public record Result(int exit, String out, String err, boolean timedOut) {
        public boolean ok() {
            return exit == 0 && !timedOut;
        }

        public String firstError() {
            return err.lines().findFirst().orElse(timedOut ? "stopped: no answer in time" : "exit " + exit);
        }
    }

    /** {@code git -C dir args...}; an IOException when git cannot be started. */
    public static Result run(Path dir, Duration limit, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("jruns-git", ".out");
        Path err = Files.createTempFile("jruns-git", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("GIT_TERMINAL_PROMPT", "0"); // a remote wanting a password fails instead of waiting
            pb.environment().put("GIT_ALLOW_PROTOCOL", PROTOCOLS);
            Process p = pb.start();
            boolean done = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly); // git's remote helpers too
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            return new Result(done ? p.exitValue() : -1, new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(err), StandardCharsets.UTF_8).strip(), !done);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The limit in words, for a line saying git was stopped. */
    public static String words(Duration limit) {
        long s = limit.toSeconds();
        return s % 60 == 0 && s >= 60 ? s / 60 + " minutes" : s + " s";
    }
}
