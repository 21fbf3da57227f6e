package io.jruns.kernel.env;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jruns.kernel.home.KernelHome;
import io.jruns.kernel.testing.Jupyter;
import io.jruns.reproduce.KernelSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding and installing kernelspecs with the real jupyter command, in temporary Jupyter folders. */
class JupyterKernelSpecsIT {
    @TempDir
    Path dir;

    @Test
    void findsWhatJupyterSeesAndInstallsBesideTheOldKernelElseInTheUserFolder() throws Exception {
        Path kernels = Files.createDirectories(dir.resolve("prefix/share/jupyter/kernels"));
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", dir.resolve("home").toString());
        env.put("JUPYTER_PATH", dir.resolve("prefix/share/jupyter").toString());
        env.put("JUPYTER_DATA_DIR", dir.resolve("data").toString());
        env.put("JRUNS_JUPYTER", Jupyter.JUPYTER.toString());
        JupyterKernelSpecs specs = new JupyterKernelSpecs(env, KernelHome.locate(), false);
        assertTrue(specs.find("jruns-gone").isEmpty());

        KernelSpecs.KernelRef beside = specs.install("jruns-again", "Java (again)", List.of("-Xmx300m", "-Dseed=42"),
                kernels.resolve("jruns-gone").toString());
        assertEquals("jruns-again", beside.name());
        assertEquals("Java (again)", beside.displayName());
        assertEquals(kernels.resolve("jruns-again").toRealPath(), Path.of(beside.resourceDir()).toRealPath());
        JsonObject json = JsonParser.parseString(Files.readString(kernels.resolve("jruns-again/kernel.json"))).getAsJsonObject();
        String argv = json.get("argv").toString();
        assertTrue(argv.contains("\"-Xmx300m\",\"-Dseed=42\""), argv);
        assertEquals("jruns-again", json.getAsJsonObject("env").get("JRUNS_KERNELSPEC").getAsString());
        assertEquals(beside, specs.find("jruns-again").orElseThrow());

        KernelSpecs.KernelRef user = specs.install("jruns-user", "Java (user)", List.of(), dir.resolve("nowhere/old").toString());
        assertEquals(dir.resolve("data/kernels/jruns-user").toRealPath(), Path.of(user.resourceDir()).toRealPath());

        // a recorded resource_dir is the run's to say: a writable folder Jupyter does not look in gets nothing
        Path victim = Files.createDirectories(dir.resolve("victim"));
        KernelSpecs.KernelRef elsewhere = specs.install("jruns-victim", "Java (victim)", List.of(), victim.resolve("jruns-gone").toString());
        assertEquals(dir.resolve("data/kernels/jruns-victim").toRealPath(), Path.of(elsewhere.resourceDir()).toRealPath());
        try (var left = Files.list(victim)) {
            assertEquals(List.of(), left.toList(), "nothing written beside a folder Jupyter does not use");
        }
    }

    /** Without JUPYTER_DATA_DIR the user folder follows XDG_DATA_HOME, as Jupyter's does (not ~/.local/share). */
    @Test
    void theUserFolderFollowsXdgDataHomeAsJupyterDoes() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", dir.resolve("home").toString());
        env.put("XDG_DATA_HOME", dir.resolve("xdg").toString());
        env.put("JRUNS_JUPYTER", Jupyter.JUPYTER.toString());
        JupyterKernelSpecs specs = new JupyterKernelSpecs(env, KernelHome.locate(), false);
        KernelSpecs.KernelRef user = specs.install("jruns-xdg", "Java (xdg)", List.of(), null);
        assertEquals(dir.resolve("xdg/jupyter/kernels/jruns-xdg").toRealPath(), Path.of(user.resourceDir()).toRealPath());
    }
}
