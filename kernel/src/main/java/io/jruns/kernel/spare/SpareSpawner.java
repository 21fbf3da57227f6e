package io.jruns.kernel.spare;

import io.jruns.kernel.cell.CellContext;
import io.jruns.kernel.cell.CellListener;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Starts a spare for the next launch of this kernel when none waits: after each cell,
 * once the kernel has sat idle for {@link #IDLE_MS} (so the spare's own start-up does not slow the
 * cells that follow), and when the kernel shuts down without a restart coming. Never while a cell runs.
 * A spare exits after its idle time, so a long session's next cell starts a fresh one, and a
 * restart an hour in still finds one. The spare is this JVM's command line with {@code --spare}
 * for the connection file, in its own session ({@code setsid}) so that Jupyter stopping this
 * kernel's process group leaves it be.
 */
public final class SpareSpawner implements CellListener {
    private static final Logger LOG = Logger.getLogger(SpareSpawner.class.getName());
    static final long IDLE_MS = 1_000;
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final SpareConfig config;
    private final AtomicBoolean watching = new AtomicBoolean();
    private volatile boolean cellRunning;
    private volatile long lastCellEnd;
    private Process started; // guarded by this
    private boolean gaveUp; // guarded by this

    private SpareSpawner(SpareConfig config) {
        this.config = config;
    }

    /** A spawner when the launcher started this kernel with spares on. */
    public static Optional<SpareSpawner> forEnvironment(java.util.Map<String, String> env) {
        return SpareConfig.from(env).map(SpareSpawner::new);
    }

    @Override
    public void beforeCell(CellContext cell) {
        cellRunning = true;
    }

    @Override
    public void afterCell(CellContext cell, Throwable failure) {
        lastCellEnd = System.nanoTime();
        cellRunning = false;
        if (watching.compareAndSet(false, true)) {
            Thread t = new Thread(this::spawnWhenIdle, "jruns-spare-spawner");
            t.setDaemon(true);
            t.start();
        }
    }

    /** The kernel is stopping: a spare now serves the next launch, unless Jupyter starts one right away. */
    public void kernelShuttingDown(boolean restart) {
        if (!restart) {
            spawnIfNone();
        }
    }

    private void spawnWhenIdle() {
        try {
            while (cellRunning || System.nanoTime() - lastCellEnd < IDLE_MS * 1_000_000) {
                Thread.sleep(100);
            }
            watching.set(false);
            spawnIfNone();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void spawnIfNone() {
        if (gaveUp || started != null && started.isAlive() || SpareListener.holder(config).isPresent()) {
            return; // starting, or waiting: the one this kernel started, or another kernel's
        }
        if (started != null && failed(started.exitValue())) {
            gaveUp = true; // one JVM per cell, failing the same way, would burn CPU for nothing
            LOG.info("spare: the last one failed (exit " + started.exitValue() + ", see " + config.log()
                    + "); this kernel starts no more");
            return;
        }
        try {
            List<String> command = command(ProcessHandle.current().info().command().orElse(null), arguments());
            PrivateDir.create(config.dir());
            started = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(config.log().toFile())
                    .start();
            LOG.fine(() -> "spare: started for the next launch, logging to " + config.log());
        } catch (IOException | RuntimeException e) {
            gaveUp = true; // logged once, not after every cell
            LOG.info("spare: could not start one, and will not try again in this kernel: " + e.getMessage());
        }
    }

    /** A spare's exit that was a failure: not 0 (its idle time out, a refusal) nor 128 + a signal (killed). */
    static boolean failed(int exitValue) {
        return exitValue > 0 && exitValue < 128;
    }

    /** This JVM's arguments (its command line without the executable). */
    private static List<String> arguments() throws IOException {
        List<String> all = commandLine("self");
        return all.subList(1, all.size());
    }

    /**
     * A process's command line from {@code /proc/PID/cmdline} ({@code self} for this one):
     * {@link ProcessHandle.Info#arguments()} reads only its first 4 KiB and gives none for a longer
     * command line, such as a kernelspec's class path of forty jars under a long folder.
     */
    static List<String> commandLine(String pid) throws IOException {
        return List.of(new String(Files.readAllBytes(Path.of("/proc", pid, "cmdline")), StandardCharsets.UTF_8).split("\0"));
    }

    static List<String> command(String java, List<String> args) {
        if (java == null) {
            throw new IllegalStateException("this JVM's executable is unknown");
        }
        if (args.isEmpty()) {
            throw new IllegalStateException("this JVM has no arguments to repeat");
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(java);
        command.addAll(args.subList(0, args.size() - 1)); // the last one is the connection file
        command.add("--spare");
        return command;
    }
}
