package io.jruns.views;

import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.domain.Run;
import io.jruns.domain.SystemTags;
import io.jruns.internal.json.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** What the views show about a run that lives in its tags: source, revision, models. */
public final class RunFacts {
    /** Where the kernel stores the copy of the notebook, under the run's artifacts. */
    public static final String NOTEBOOK_DIR = "notebook";

    /** One logged model, from MLflow's {@code mlflow.log-model.history} tag. */
    public record LoggedModel(String artifactPath, List<String> flavors, String created) {
    }

    private RunFacts() {
    }

    /** The anchor where a run's page (jruns ui) shows the prediction code of its {@code index}-th logged model. */
    public static String modelAnchor(int index) {
        return "model-" + index;
    }

    public static String tag(Run r, String key) {
        return r.data().tags().get(key);
    }

    /** The notebook's or program's file name ({@code mlflow.source.name} without folders), or "". */
    public static String sourceName(Run r) {
        String s = tag(r, SystemTags.SOURCE_NAME);
        if (s == null || s.isBlank()) return "";
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        return slash >= 0 && slash < s.length() - 1 ? s.substring(slash + 1) : s;
    }

    /** The notebook revision (SHA-256), or else the git commit; empty when neither is known. */
    public static Optional<String> revision(Run r) {
        String rev = tag(r, SystemTags.NOTEBOOK_REVISION);
        if (rev == null || rev.isBlank()) rev = tag(r, SystemTags.GIT_COMMIT);
        return rev == null || rev.isBlank() ? Optional.empty() : Optional.of(rev);
    }

    public static String shortRevision(Run r) {
        return revision(r).map(v -> v.length() > 7 ? v.substring(0, 7) : v).orElse("");
    }

    /** The user: the run's user id, else its {@code mlflow.user} tag, else "". */
    public static String user(Run r) {
        String u = r.info().userId();
        if (u == null || u.isBlank()) u = tag(r, SystemTags.USER);
        return u == null ? "" : u;
    }

    /**
     * Where the copy of the notebook that made the run is, as a URI under the run's artifact
     * location ({@code file:} or {@code http(s):} only); empty when the run has none.
     */
    public static Optional<String> notebookCopyUri(Run r) {
        String name = sourceName(r);
        String root = r.info().artifactUri();
        if (name.isEmpty() || tag(r, SystemTags.NOTEBOOK_REVISION) == null || root == null || !name.endsWith(".ipynb")) return Optional.empty();
        String lower = root.toLowerCase(java.util.Locale.ROOT);
        if (root.startsWith("/")) root = java.nio.file.Path.of(root).toUri().toString();
        else if (!(lower.startsWith("file:") || lower.startsWith("http://") || lower.startsWith("https://"))) return Optional.empty();
        String encoded = java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return Optional.of((root.endsWith("/") ? root : root + "/") + NOTEBOOK_DIR + "/" + encoded);
    }

    public static boolean hasModel(Run r) {
        return r.data().tags().containsKey(SystemTags.LOG_MODEL_HISTORY);
    }

    private static final java.util.regex.Pattern ARTIFACT_PATH =
            java.util.regex.Pattern.compile("\"artifact_path\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * Just the models' artifact paths, read without a JSON parser (tables list them for many
     * runs; a parser's start-up would cost a notebook's first table a few hundred ms).
     */
    public static List<String> modelPaths(Run r) {
        String history = tag(r, SystemTags.LOG_MODEL_HISTORY);
        List<String> out = new ArrayList<>();
        if (history == null) return out;
        java.util.regex.Matcher m = ARTIFACT_PATH.matcher(history);
        while (m.find()) out.add(m.group(1).replaceAll("\\\\(.)", "$1"));
        if (out.isEmpty()) out.add("model");
        return out;
    }

    /** The models logged to the run; an unreadable tag still counts as one model. */
    public static List<LoggedModel> models(Run r) {
        String history = tag(r, SystemTags.LOG_MODEL_HISTORY);
        List<LoggedModel> out = new ArrayList<>();
        if (history == null) return out;
        try {
            JsonNode root = Json.MAPPER.readTree(history);
            for (JsonNode m : root.isArray() ? root : Json.MAPPER.createArrayNode().add(root)) {
                List<String> flavors = new ArrayList<>();
                for (Iterator<String> it = m.path("flavors").fieldNames(); it.hasNext(); ) flavors.add(it.next());
                out.add(new LoggedModel(m.path("artifact_path").asText("model"), flavors, m.path("utc_time_created").asText("")));
            }
        } catch (Exception unreadable) {
            out.add(new LoggedModel("model", List.of(), ""));
        }
        return out;
    }
}
