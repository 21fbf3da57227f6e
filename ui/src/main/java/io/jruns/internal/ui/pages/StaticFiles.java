package io.jruns.internal.ui.pages;

import io.jruns.internal.ui.http.Response;
import io.jruns.internal.ui.http.Router;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The UI's own stylesheet and script, from the jar: the pages work offline, with no CDN. */
public final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of(
            "ui.css", "text/css; charset=utf-8",
            "ui.js", "text/javascript; charset=utf-8",
            "experiment.js", "text/javascript; charset=utf-8",
            "experiment.css", "text/css; charset=utf-8",
            "run.js", "text/javascript; charset=utf-8",
            "run.css", "text/css; charset=utf-8");

    private StaticFiles() {
    }

    public static void install(Router router) {
        router.get("/static/{name}", r -> {
            String name = r.param("name");
            String type = TYPES.get(name);
            if (type == null) return Response.text(404, "no file " + name);
            return Response.bytes(type, read(name)).withHeader("Cache-Control", "max-age=300");
        });
    }

    static byte[] read(String name) throws IOException {
        try (InputStream in = StaticFiles.class.getResourceAsStream("/io/jruns/internal/ui/static/" + name)) {
            if (in == null) throw new IOException("missing resource " + name);
            return in.readAllBytes();
        }
    }
}
