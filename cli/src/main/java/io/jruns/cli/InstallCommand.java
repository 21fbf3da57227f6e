package io.jruns.cli;

import io.jruns.domain.JrunsException;
import io.jruns.execute.Jupyter;
import io.jruns.execute.KernelDirs;
import io.jruns.execute.ServerExtension;
import io.jruns.kernel.install.JdkOptions;
import io.jruns.kernel.install.KernelSpec;
import io.jruns.kernel.install.KernelSpecWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code jruns install}: writes the jruns kernelspec where Jupyter finds it. */
final class InstallCommand implements Command {
    /** The kernel's classes are compiled for Java 17. */
    private static final int MIN_RELEASE = 17;
    private static final CommandSpec SPEC = new CommandSpec("install", List.of(), List.of(
            OptionSpec.flag("--user", "into the user's Jupyter data folder (the default): $JUPYTER_DATA_DIR, "
                    + "else $XDG_DATA_HOME/jupyter, else $HOME/.local/share/jupyter, as 'jupyter --paths' shows"),
            OptionSpec.flag("--sys-prefix", "into the Python environment that runs jupyter"),
            OptionSpec.value("--prefix", "DIR", "into DIR/share/jupyter/kernels (then set JUPYTER_PATH=DIR/share/jupyter)"),
            OptionSpec.value("--name", "NAME", "the kernelspec name (default jruns)"),
            OptionSpec.value("--display-name", "TEXT", "the name Jupyter shows (default Java (jruns))"),
            OptionSpec.value("--java", "PATH", "the JDK the kernel runs on, 17 or later: its folder or its bin/java "
                    + "(default: the one running this command, $JAVA_HOME's)"),
            OptionSpec.repeated("--jvm-option", "OPT", "an option for the kernel's JVM, e.g. -Xmx4g"),
            OptionSpec.flag("--no-cds", "skip the class-data-sharing archive that speeds up start-up"),
            OptionSpec.flag("--no-spare", "start the kernel's JVM directly, never handing a start to a warm spare kernel"),
            OptionSpec.flag("--server-spare", "also install jruns's Jupyter server extension, which starts a spare kernel "
                    + "as a Jupyter server starts and keeps one while it runs, so that a session's first notebook starts "
                    + "warm too (into the same "
                    + "place: the user's, the Python environment's, or DIR/etc/jupyter with DIR's site-packages)"),
            OptionSpec.flag("--no-server-spare", "remove that extension from the same place, if there")),
            "Install the jruns Java kernel for Jupyter",
            "Writes a self-contained kernelspec (kernel.json, the kernel's jars, SQLite's native library,"
                    + " a start-up archive).");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        String name = args.value("--name") == null ? "jruns" : args.value("--name");
        if (!name.matches("[a-zA-Z0-9._-]+")) {
            throw new UsageException("install: --name must be letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        if (args.flag("--server-spare") && args.flag("--no-spare")) {
            throw new UsageException("install: --server-spare starts spares, which --no-spare turns off");
        }
        if (args.flag("--server-spare") && args.flag("--no-server-spare")) {
            throw new UsageException("install: choose one of --server-spare, --no-server-spare");
        }
        Path java = args.value("--java") == null ? KernelSpec.runningJava() : java(args.value("--java"));
        int release = JdkOptions.feature(java).orElseThrow(() -> new UsageException(
                "install: --java " + java + ": cannot tell which Java it is (no release file, and java -version said no version)"));
        if (release < MIN_RELEASE) {
            throw new UsageException("install: --java " + java + " is Java " + release + "; the kernel needs " + MIN_RELEASE + " or later");
        }
        Path dir = kernelsDir(args, context).resolve(name);
        KernelSpec.Builder spec = KernelSpec.builder().kernelHome(kernelHome(context));
        if (args.value("--display-name") != null) spec.displayName(args.value("--display-name"));
        spec.java(java);
        args.values("--jvm-option").forEach(spec::jvmOption);
        if (args.flag("--no-cds")) spec.classDataSharing(false);
        if (args.flag("--no-spare")) spec.spare(false);
        spec.env("JRUNS_KERNELSPEC", name);
        context.err().println("installing kernelspec '" + name + "' in " + dir + " ...");
        KernelSpecWriter.write(spec.build(), dir);
        context.out().println("Installed kernelspec '" + name + "' (Java " + release + ") in " + dir);
        String place = args.value("--prefix") != null ? "--prefix" : args.flag("--sys-prefix") ? "--sys-prefix" : "--user";
        Path prefix = args.value("--prefix") == null ? null : Path.of(args.value("--prefix"));
        if (args.flag("--no-server-spare")) {
            List<String> removed = ServerExtension.uninstall(Jupyter.locate(context.environment().variables()), place, prefix);
            removed.forEach(line -> context.out().println("Jupyter server extension jruns_jupyter: " + line));
            if (removed.isEmpty()) context.out().println("No Jupyter server extension jruns_jupyter was installed there.");
        }
        if (args.flag("--server-spare")) {
            for (String line : ServerExtension.install(Jupyter.locate(context.environment().variables()), place, prefix)) {
                context.out().println("Installed the Jupyter server extension jruns_jupyter: " + line);
            }
            if (prefix != null) {
                context.out().println("Jupyter servers load it with JUPYTER_CONFIG_PATH=" + prefix.toAbsolutePath().normalize()
                        .resolve("etc/jupyter") + " and the module's folder on PYTHONPATH");
            }
        }
    }

    /** A JDK's folder or a java executable, as given. */
    private static Path java(String given) {
        Path p = Path.of(given).toAbsolutePath().normalize();
        Path exe = Files.isDirectory(p) ? p.resolve("bin").resolve("java") : p;
        if (!Files.exists(p)) {
            throw new UsageException("install: --java " + given + ": no such file or folder");
        }
        if (!Files.isRegularFile(exe) || !Files.isExecutable(exe)) {
            throw new UsageException("install: --java " + given + ": no java executable at " + exe);
        }
        return exe;
    }

    private static Path kernelsDir(ParsedArgs args, CliContext context) {
        int chosen = (args.flag("--user") ? 1 : 0) + (args.flag("--sys-prefix") ? 1 : 0) + (args.value("--prefix") != null ? 1 : 0);
        if (chosen > 1) throw new UsageException("install: choose one of --user, --sys-prefix, --prefix DIR");
        if (args.value("--prefix") != null) return KernelDirs.prefix(Path.of(args.value("--prefix")));
        if (args.flag("--sys-prefix")) return KernelDirs.sysPrefix(Jupyter.locate(context.environment().variables()));
        return KernelDirs.user(context.environment().variables());
    }

    /** The built kernel: {@code kernel/target} beside this command's own {@code cli/target}. */
    static Path kernelHome(CliContext context) {
        Path home = context.environment().libDir().toAbsolutePath().normalize().getParent() // cli/target
                .getParent().getParent().resolve("kernel").resolve("target");
        if (!Files.isDirectory(home.resolve("lib"))) {
            throw new JrunsException(JrunsException.Code.RESOURCE_DOES_NOT_EXIST, "the kernel is not built (no "
                    + home.resolve("lib") + "): run install/jruns again, or mvn -pl cli -am package");
        }
        return home;
    }
}
