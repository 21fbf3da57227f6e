package io.jruns.internal.ui.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.FileInfo;
import io.jruns.domain.JrunsException;
import io.jruns.domain.Run;
import io.jruns.internal.ui.http.Response;
import io.jruns.internal.ui.http.Router;
import io.jruns.store.Store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run's artifacts: {@code artifacts/list}, {@code /get-artifact?run_id=&path=} (what MLflow's UI
 * downloads with), and the artifact proxy {@code /api/2.0/mlflow-artifacts/artifacts/EXP/RUN/artifacts/PATH}
 * (GET a file, PUT one, or GET {@code ?path=} to list) that runs' {@code mlflow-artifacts:} URIs
 * lead MLflow clients to. Every path is checked by {@link ArtifactPath} first.
 */
final class ArtifactEndpoints {
    static final String PROXY = "/api/2.0/mlflow-artifacts/artifacts";
    /** Files are answered from memory; a bigger one is refused rather than exhausting the heap. */
    static final long MAX_DOWNLOAD = 256L * 1024 * 1024;

    private ArtifactEndpoints() {
    }

    static void install(MlflowApi.Endpoints e, Router router, Store store) {
        e.get("artifacts/list", c -> {
            Run run = RunEndpoints.require(store, RunEndpoints.runId(c));
            String rel = ArtifactPath.check(c.optString("path"));
            ObjectNode out = Wire.object().put("root_uri", Wire.artifactUri(run.info().experimentId(), run.runId()));
            out.set("files", files(store.listArtifacts(run.runId(), rel), ""));
            if (out.get("files").isEmpty()) out.remove("files");
            return Wire.ok(out);
        });
        router.get("/get-artifact", MlflowApi.json(c -> {
            String id = RunEndpoints.runId(c);
            RunEndpoints.require(store, id);
            return file(store, id, ArtifactPath.check(c.optString("path")));
        }));
        router.get(PROXY, MlflowApi.json(c -> {
            Target t = target(store, c.string("path"));
            ObjectNode out = Wire.object();
            out.set("files", files(store.listArtifacts(t.runId, t.path), t.path));
            if (out.get("files").isEmpty()) out.remove("files");
            return Wire.ok(out);
        }));
        router.get(PROXY + "/{path...}", MlflowApi.guarded(r -> {
            Target t = target(store, r.param("path"));
            return file(store, t.runId, t.path);
        }));
        router.add("PUT", PROXY + "/{path...}", MlflowApi.guarded(r -> {
            Target t = target(store, r.param("path"));
            if (t.path.isEmpty()) throw JrunsException.invalid("a PUT names the file to write below the run's artifacts");
            upload(store, t, r.body());
            return Wire.empty();
        }));
    }

    /** {@code EXP/RUN/artifacts[/PATH]}, as in a run's artifact URI, of a run that is in that experiment. */
    private record Target(String runId, String path) {
    }

    private static Target target(Store store, String proxyPath) {
        String p = ArtifactPath.check(proxyPath);
        String[] s = p.split("/", 4);
        if (s.length < 3 || !s[2].equals("artifacts")) {
            throw JrunsException.notFound("No artifacts at '" + p + "': expected EXPERIMENT_ID/RUN_ID/artifacts/PATH");
        }
        Run run = RunEndpoints.require(store, s[1]);
        if (!run.info().experimentId().equals(s[0])) throw JrunsException.notFound("Run with id=" + s[1] + " is not in experiment " + s[0]);
        return new Target(run.runId(), s.length == 4 ? s[3] : "");
    }

    /** {@code [{path, is_dir, file_size}]}; paths relative to the run's root, or to {@code base} when given. */
    private static ArrayNode files(List<FileInfo> list, String base) {
        ArrayNode a = Wire.F.arrayNode();
        for (FileInfo f : list) {
            String path = !base.isEmpty() && f.path().startsWith(base + "/") ? f.path().substring(base.length() + 1) : f.path();
            ObjectNode n = a.addObject().put("path", path).put("is_dir", f.isDir());
            if (!f.isDir() && f.fileSize() != null) n.put("file_size", f.fileSize());
        }
        return a;
    }

    private static Response file(Store store, String runId, String rel) throws IOException {
        if (rel.isEmpty()) throw JrunsException.invalid("Invalid artifact path '': name a file of the run");
        Path local = store.downloadArtifact(runId, rel);
        if (Files.isDirectory(local)) throw JrunsException.invalid("Artifact '" + rel + "' is a folder: list it with artifacts/list");
        if (!Files.isRegularFile(local)) throw JrunsException.notFound("Run with id=" + runId + " has no artifact '" + rel + "'");
        if (Files.size(local) > MAX_DOWNLOAD) {
            throw JrunsException.invalid("Artifact '" + rel + "' is over " + (MAX_DOWNLOAD >> 20) + " MB: read it from the store directly");
        }
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        return Response.bytes(ArtifactTypes.of(name), Files.readAllBytes(local))
                .asAttachment(name)
                // an artifact is data, never a page of this origin: no scripts, no forms, even if opened
                .withHeader("Content-Security-Policy", "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox");
    }

    private static void upload(Store store, Target t, byte[] body) throws IOException {
        int slash = t.path.lastIndexOf('/');
        String dir = slash < 0 ? "" : t.path.substring(0, slash);
        Path tmp = Files.createTempDirectory("jruns-ui-put");
        try {
            Path f = Files.write(tmp.resolve(t.path.substring(slash + 1)), body);
            store.logArtifact(t.runId, f, dir);
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
