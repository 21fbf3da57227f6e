package io.jruns.kernel.install;

import java.nio.file.Path;

/**
 * {@code KernelSpecMain DIR [--display-name NAME] [--java PATH] [--jvm-option OPT]...
 * [--no-default-jvm-options] [--extra-jar JAR]... [--env K=V]... [--no-cds] [--no-spare]}: writes a kernelspec
 * folder for {@code jupyter kernelspec install DIR --name jruns}.
 * {@code KernelSpecMain --refresh-cds INSTALLED_DIR} re-dumps the start-up archive after such a copy.
 */
public final class KernelSpecMain {
    private KernelSpecMain() {
    }

    public static void main(String[] args) {
        try {
            if (args.length == 2 && args[0].equals("--refresh-cds")) {
                boolean ok = InstalledSpec.refreshClassDataSharing(Path.of(args[1]).toAbsolutePath());
                System.out.println(ok ? "CDS archive written in " + args[1] : "CDS archive could not be written; the kernel starts without it");
                return;
            }
            Path dir = run(args);
            System.out.println("Wrote kernelspec to " + dir + ". Unless that is already a Jupyter kernels folder "
                    + "(e.g. ~/.local/share/jupyter/kernels/jruns): jupyter kernelspec install " + dir
                    + " --user --name jruns, then KernelSpecMain --refresh-cds <installed folder> (the start-up archive "
                    + "only works where it was made).");
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    static Path run(String[] args) {
        KernelSpec.Builder b = KernelSpec.builder();
        Path dir = null;
        boolean defaults = true;
        java.util.List<String> extraOptions = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--display-name" -> b.displayName(value(args, ++i, a));
                case "--java" -> b.java(Path.of(value(args, ++i, a)));
                case "--jvm-option" -> extraOptions.add(value(args, ++i, a));
                case "--no-default-jvm-options" -> defaults = false;
                case "--extra-jar" -> b.extraJar(Path.of(value(args, ++i, a)));
                case "--no-cds" -> b.classDataSharing(false);
                case "--no-spare" -> b.spare(false);
                case "--env" -> {
                    String kv = value(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--env needs NAME=VALUE, got '" + kv + "'");
                    }
                    b.env(kv.substring(0, eq), kv.substring(eq + 1));
                }
                default -> {
                    if (a.startsWith("--") || dir != null) {
                        throw new IllegalArgumentException("unexpected argument '" + a + "'");
                    }
                    dir = Path.of(a);
                }
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException("usage: KernelSpecMain DIR [options]; DIR is missing");
        }
        if (!defaults) {
            b.jvmOptions(java.util.List.of());
        }
        extraOptions.forEach(b::jvmOption);
        KernelSpecWriter.write(b.build(), dir.toAbsolutePath());
        return dir.toAbsolutePath();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
