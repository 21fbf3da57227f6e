package io.jruns.kernel.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import io.jruns.kernel.testing.JupyterServer;
import io.jruns.kernel.testing.KernelSocket;
import io.jruns.kernel.testing.Notebooks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real jupyter_server (1.23 here): a notebook session's kernel gets JPY_SESSION_NAME
 * (relative to the server root), runs in the notebook's folder and resolves its own path; the
 * cellId JupyterLab puts in the request metadata reaches the kernel.
 */
class NotebookIdentityIT {
    @TempDir
    Path root;

    @Test
    void sessionNameReachesKernelAndResolvesToTheNotebookPath() throws Exception {
        Path nb = Notebooks.write(root.resolve("experiments/probe one.ipynb"), List.of("1"));
        try (JupyterServer server = JupyterServer.start(root)) {
            JsonObject session = server.post("/api/sessions", "{\"path\": \"experiments/probe one.ipynb\", "
                    + "\"type\": \"notebook\", \"name\": \"probe one.ipynb\", \"kernel\": {\"name\": \"jruns\"}}");
            String kernelId = session.getAsJsonObject("kernel").get("id").getAsString();
            try (KernelSocket kernel = new KernelSocket(server.channels(kernelId))) {
                assertEquals("experiments/probe one.ipynb", kernel.execute("System.getenv(\"JPY_SESSION_NAME\")", Map.of()));
                assertEquals(nb.toRealPath().getParent().toString(),
                        kernel.execute("Path.of(\"\").toAbsolutePath().toString()", Map.of()));
                String identity = "io.jruns.kernel.JrunsKernel.current().notebook()";
                assertEquals(nb.toRealPath().toString(), kernel.execute(identity + ".path().get().toString()", Map.of()));
                assertEquals("JPY_SESSION_NAME", kernel.execute(identity + ".source().name()", Map.of()));
                assertEquals("Notebook: " + nb.toRealPath() + " (from JPY_SESSION_NAME)", kernel.execute("%notebook", Map.of()));
                assertEquals("c0ffee-42", kernel.execute("io.jruns.kernel.JrunsKernel.current().currentCell()"
                        + ".map(c -> c.cellId()).orElse(\"none\")", Map.of("cellId", "c0ffee-42", "recordTiming", false)));
            }
            server.delete("/api/sessions/" + session.get("id").getAsString());
        }
    }
}
