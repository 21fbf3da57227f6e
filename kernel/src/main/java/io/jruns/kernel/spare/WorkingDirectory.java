package io.jruns.kernel.spare;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.charset.Charset;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Moves this JVM to another working directory, which a spare serving a notebook of another folder
 * needs: the JDK has no way to, since the directory is read once at start. Four places hold it:
 * the process's own (libc's {@code chdir}: relative paths go to the system as they are, and
 * child processes inherit it), the {@code user.dir} property, and what {@code java.io.File}
 * and NIO's default file system resolve relative paths against.
 */
final class WorkingDirectory {
    /** Options whose next argument is a list of paths. */
    private static final Set<String> PATH_LISTS = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path");
    /** A key whose value names a file or folder: {@code -XX:ErrorFile}, {@code -Dlogging.config.file}, -Xlog's {@code file}. */
    private static final Pattern PATH_KEY = Pattern.compile("(?i).*(file|filename|path|dir|directory|home|repository)|-Xloggc|-javaagent|-agentpath");
    /** Extensions of files a JVM option names; not {@code .so} (sqlite-jdbc's library name, in its own folder). */
    private static final Pattern FILE_NAME = Pattern.compile("(?i).+\\.(log|properties|xml|json|ya?ml|conf|cfg|ini|toml|jfr|jar|jsa|hprof|policy|txt|csv)");

    private final NativeEnvironment libc;
    private final Object ioFs;
    private final Field userDir;
    private final FileSystem nioFs;
    private final Field defaultDirectory;

    private WorkingDirectory(NativeEnvironment libc, Object ioFs, Field userDir, FileSystem nioFs, Field defaultDirectory) {
        this.libc = libc;
        this.ioFs = ioFs;
        this.userDir = userDir;
        this.nioFs = nioFs;
        this.defaultDirectory = defaultDirectory;
    }

    /**
     * Empty where this JDK's fields are not the ones known here (checked by reading them, and
     * writing back what they hold), or cannot be reached (JDK 24+ without {@code --add-opens
     * java.base/java.io} and {@code java.base/sun.nio.fs}).
     */
    static Optional<WorkingDirectory> open(NativeEnvironment libc) {
        try {
            Field fs = Arrays.stream(File.class.getDeclaredFields())
                    .filter(f -> f.getType().getName().equals("java.io.FileSystem")).findFirst().orElseThrow();
            Object ioFs = JdkFields.read(null, fs);
            Field userDir = ioFs.getClass().getDeclaredField("userDir");
            FileSystem nioFs = FileSystems.getDefault();
            Field defaultDirectory = declared(nioFs.getClass(), "defaultDirectory");
            String here = System.getProperty("user.dir");
            byte[] bytes = (byte[]) JdkFields.read(nioFs, defaultDirectory);
            if (!here.equals(JdkFields.read(ioFs, userDir)) || !Arrays.equals(bytes, encode(here))) {
                return Optional.empty();
            }
            JdkFields.write(ioFs, userDir, here);
            JdkFields.write(nioFs, defaultDirectory, bytes);
            return Optional.of(new WorkingDirectory(libc, ioFs, userDir, nioFs, defaultDirectory));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static Field declared(Class<?> c, String name) throws NoSuchFieldException {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            try {
                return k.getDeclaredField(name);
            } catch (NoSuchFieldException next) {
                // a superclass's, as sun.nio.fs.UnixFileSystem's for LinuxFileSystem
            }
        }
        throw new NoSuchFieldException(c.getName() + "." + name);
    }

    /** As NIO encodes a path for the system. */
    private static byte[] encode(String path) {
        String jnu = System.getProperty("sun.jnu.encoding");
        return path.getBytes(jnu != null && Charset.isSupported(jnu) ? Charset.forName(jnu) : Charset.defaultCharset());
    }

    /** False, with nothing changed, if the process cannot go there; {@code dir} is absolute and normal (Python's getcwd). */
    boolean moveTo(Path dir) {
        String d = dir.toString();
        if (!dir.isAbsolute() || !libc.chdir(d)) {
            return false;
        }
        try {
            JdkFields.write(ioFs, userDir, d);
            JdkFields.write(nioFs, defaultDirectory, encode(d));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("the working directory is half moved", e); // checked by open(): not expected
        }
        System.setProperty("user.dir", d);
        return true;
    }

    /**
     * The first argument of this JVM's command line that may name a relative path: a spare moved
     * to another folder would have read it from the folder it started in, so it must not move.
     * A part (between {@code = : ,}) is one where it is {@code .} or {@code ..}, has a {@code /}
     * not at its start, is a file name by its extension ({@code gc.log}, {@code app.properties}),
     * or is the value of a key that names a file or folder ({@code -XX:HeapDumpPath=dumps},
     * {@code -Djava.io.tmpdir=tmp}, {@code -Xlog:gc:file=gc}, a class path's elements). Where in
     * doubt it says relative: that costs a launch a started JVM, not a wrong folder. Module
     * options ({@code --add-opens java.base/java.util=...}) name modules, not paths.
     */
    static Optional<String> relativeArgument(List<String> jvmArgs) {
        for (int i = 0; i < jvmArgs.size(); i++) {
            String a = jvmArgs.get(i);
            String before = i > 0 ? jvmArgs.get(i - 1) : "";
            if (a.startsWith("--add-") || before.matches("--add-\\w+")) {
                continue;
            }
            String[] parts = a.split("[=:,]");
            for (int k = 0; k < parts.length; k++) {
                boolean named = PATH_LISTS.contains(before) || k > 0 && PATH_KEY.matcher(parts[k - 1]).matches();
                if (relative(parts[k], named)) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean relative(String part, boolean named) {
        if (part.isEmpty() || part.startsWith("/")) {
            return false;
        }
        return named || part.equals(".") || part.equals("..") || part.contains("/") || FILE_NAME.matcher(part).matches();
    }
}
