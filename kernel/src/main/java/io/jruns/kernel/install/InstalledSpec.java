package io.jruns.kernel.install;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A kernelspec after {@code jupyter kernelspec install} copied it: the CDS archive must be
 * dumped again where the jars now are, or the JVM ignores it. {@link #refreshClassDataSharing}
 * does that and updates kernel.json.
 */
public final class InstalledSpec {
    private InstalledSpec() {
    }

    /** @return true when the archive was (re)written and kernel.json now uses it */
    public static boolean refreshClassDataSharing(Path dir) {
        Path kernelJson = dir.resolve("kernel.json");
        try {
            JsonObject json = JsonParser.parseString(Files.readString(kernelJson)).getAsJsonObject();
            List<String> argv = new ArrayList<>();
            for (JsonElement e : json.getAsJsonArray("argv")) {
                argv.add(e.getAsString());
            }
            int java = Launcher.javaIndex(argv);
            int cp = argv.indexOf("-cp");
            if (cp <= java || cp + 1 >= argv.size()) {
                throw new IllegalArgumentException(kernelJson + " is not a jruns kernelspec (no -cp in argv)");
            }
            List<String> jvmOptions = new ArrayList<>(argv.subList(java + 1, cp));
            jvmOptions.removeIf(o -> o.startsWith("-XX:SharedArchiveFile=") || o.startsWith("-Xlog:cds"));
            List<String> classpath = new ArrayList<>();
            for (String entry : argv.get(cp + 1).split(File.pathSeparator)) {
                classpath.add(entry.replace("{resource_dir}/", ""));
            }
            Files.deleteIfExists(dir.resolve(KernelSpecWriter.CDS_ARCHIVE));
            boolean ok = ClassDataSharing.dump(Path.of(argv.get(java)), dir, classpath, jvmOptions);
            List<String> updated = new ArrayList<>(argv.subList(0, java + 1)); // the launcher, if any, and java
            updated.addAll(jvmOptions);
            if (ok) {
                updated.addAll(ClassDataSharing.jvmOptions("{resource_dir}/" + KernelSpecWriter.CDS_ARCHIVE));
            }
            updated.addAll(argv.subList(cp, argv.size()));
            JsonArray array = new JsonArray();
            updated.forEach(array::add);
            json.add("argv", array);
            Files.writeString(kernelJson, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n");
            return ok;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + kernelJson + ": " + e.getMessage(), e);
        }
    }
}
