package io.jruns.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.domain.JrunsException;
import io.jruns.domain.FileInfo;
import io.jruns.domain.RunInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Artifacts over REST: uploads and downloads through the server's proxy
 * ({@code /api/2.0/mlflow-artifacts/artifacts/<root>/<path>}), listings through
 * {@code artifacts/list}. Downloads land in a cache folder under the jruns home, one per
 * server and run, and are fetched again on every call (the server's copy may have changed).
 */
final class RestArtifacts {
    private final RestTransport http;
    private final Path cache;

    RestArtifacts(RestTransport http) {
        this.http = http;
        this.cache = http.config().artifactCache();
    }

    /** Uploads a file into the folder {@code artifactPath}, or a directory's contents into it. */
    void log(RunInfo run, Path local, String artifactPath) {
        String root = ArtifactPaths.root(run.runId(), run.artifactUri());
        String dest = ArtifactPaths.relative(artifactPath);
        if (Files.isRegularFile(local)) {
            http.putArtifact(ArtifactPaths.join(root, ArtifactPaths.join(dest, local.getFileName().toString())), local);
            return;
        }
        if (!Files.isDirectory(local)) throw JrunsException.notFound("no file or directory at " + local);
        try (Stream<Path> files = Files.walk(local, FileVisitOption.FOLLOW_LINKS)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String rel = local.relativize(f).toString().replace('\\', '/');
                http.putArtifact(ArtifactPaths.join(root, ArtifactPaths.join(dest, rel)), f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + local, e);
        }
    }

    /** One folder's entries, paths relative to the run's artifact root (MLflow's artifacts/list). */
    List<FileInfo> list(String runId, String path) {
        String rel = ArtifactPaths.relative(path);
        List<FileInfo> out = new ArrayList<>();
        String token = null;
        do {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("run_id", runId);
            if (!rel.isEmpty()) q.put("path", rel);
            if (token != null) q.put("page_token", token);
            JsonNode answer = http.get("artifacts/list", q);
            for (JsonNode f : answer.path("files")) {
                boolean dir = f.path("is_dir").asBoolean(false);
                Long size = dir || !f.hasNonNull("file_size") ? null : f.get("file_size").asLong();
                out.add(new FileInfo(f.path("path").asText(), dir, size));
            }
            JsonNode next = answer.get("next_page_token");
            token = next == null || next.isNull() || next.asText().isEmpty() ? null : next.asText();
        } while (token != null);
        return out;
    }

    /** Downloads a file or a folder (recursively) into the cache and returns its local path. */
    Path download(RunInfo run, String path) {
        String root = ArtifactPaths.root(run.runId(), run.artifactUri());
        String rel = ArtifactPaths.relative(path);
        Path target = rel.isEmpty() ? cache.resolve(run.runId()) : cache.resolve(run.runId()).resolve(rel);
        List<FileInfo> entries = list(run.runId(), rel);
        if (entries.isEmpty()) {
            if (rel.isEmpty()) return mkdirs(target); // a run without artifacts: an empty folder
            try {
                http.getArtifact(ArtifactPaths.join(root, rel), target);
            } catch (RestException e) {
                if (e.httpStatus() == 404) {
                    throw JrunsException.notFound("run '" + run.runId() + "' has no artifact '" + rel + "'");
                }
                throw e;
            }
            return target;
        }
        mkdirs(target);
        for (FileInfo f : entries) {
            if (f.isDir()) download(run, f.path());
            else http.getArtifact(ArtifactPaths.join(root, ArtifactPaths.relative(f.path())), cache.resolve(run.runId())
                    .resolve(f.path()));
        }
        return target;
    }

    private static Path mkdirs(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + p, e);
        }
    }
}
