package io.jruns.execute;

import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.domain.JrunsException;
import io.jruns.internal.json.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernelspec names Jupyter sees ({@code jupyter kernelspec list --json} in the same
 * environment nbconvert gets), so a missing kernel is reported as such, naming those
 * installed, instead of as a Python traceback and a failed cell.
 */
public final class InstalledKernels {
    private static final Pattern NO_SUCH_KERNEL = Pattern.compile("NoSuchKernel: No such kernel named (\\S+)");
    private final List<String> names;

    private InstalledKernels(List<String> names) {
        this.names = List.copyOf(names);
    }

    public static InstalledKernels of(List<String> names) {
        return new InstalledKernels(names);
    }

    /** Asks {@code jupyter kernelspec list --json}, with the extra environment a run would have. */
    public static InstalledKernels list(Jupyter jupyter, Map<String, String> extraEnv) {
        String json = jupyter.run(extraEnv, Path.of("").toAbsolutePath(), null, "kernelspec", "list", "--json");
        try {
            List<String> names = new ArrayList<>();
            Json.MAPPER.readTree(json).path("kernelspecs").fieldNames().forEachRemaining(names::add);
            names.sort(null);
            return new InstalledKernels(names);
        } catch (IOException e) {
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "jupyter kernelspec list gave no JSON: " + e.getMessage());
        }
    }

    public List<String> names() {
        return names;
    }

    /** Jupyter finds kernelspecs by lower-cased name. */
    public boolean has(String name) {
        return names.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The kernel nbconvert said it could not find ({@code jupyter_client.kernelspec.NoSuchKernel}), if it said so. */
    public static Optional<String> noSuchKernel(String nbconvertOutput) {
        Matcher m = NO_SUCH_KERNEL.matcher(nbconvertOutput);
        String last = null;
        while (m.find()) last = m.group(1);
        return Optional.ofNullable(last);
    }

    /** One line: the kernel is missing, which ones are installed, and how to get it. */
    public JrunsException missing(String command, String name) {
        String installed = names.isEmpty() ? "none is installed" : "installed: " + String.join(", ", names);
        String remedy = name.equals("jruns") ? "install it with 'jruns install'"
                : "choose one with --kernel NAME" + (name.startsWith("jruns") ? ", or install it with 'jruns install --name " + name + "'" : "");
        return JrunsException.notFound(command + ": no Jupyter kernel named '" + name + "' (" + installed + "); " + remedy
                + "; 'jruns kernels' shows where they are");
    }
}
