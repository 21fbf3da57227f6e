package io.jruns.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.internal.json.Json;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Runs, experiments and metric histories in MLflow's REST JSON shapes (API 2.0), both ways:
 * what {@code runs/get}, {@code runs/search}, {@code experiments/get}, {@code experiments/search}
 * and {@code metrics/get-history} answer. Ids are strings; NaN and the infinities travel as
 * the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. Params, tags and metrics
 * are written sorted by key. Readers fail with one line naming the offending field.
 */
public final class RestJson {
    /** The shared mapper: it reads bare NaN as Python's json.dumps writes it, and refuses trailing text. */
    private static final ObjectMapper MAPPER = Json.MAPPER;
    /** Indented the way MLflow's server indents: two spaces, {@code "key": value}, {@code {}} when empty. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private RestJson() {
    }

    // ---- whole messages, as text

    /** {@code {"run": {"info": ..., "data": ..., "inputs": {}}}} */
    public static String writeRun(Run run) {
        return pretty(wrap("run", runNode(run)));
    }

    public static Run readRun(String json) {
        return run(field(root(json), "run"), "run");
    }

    /** {@code {"runs": [...]}}, the runs/search shape without a page token. */
    public static String writeRuns(List<Run> runs) {
        ArrayNode a = Nodes.F.arrayNode();
        runs.forEach(r -> a.add(runNode(r)));
        return pretty(wrap("runs", a));
    }

    /** Reads runs/search's {@code runs}; an answer with no runs has no field at all. */
    public static List<Run> readRuns(String json) {
        return Fields.list(root(json), "runs", "response", (n, at) -> run(n, at.substring("response.".length())));
    }

    /** {@code {"experiment": {...}}} */
    public static String writeExperiment(Experiment e) {
        return pretty(wrap("experiment", experimentNode(e)));
    }

    public static Experiment readExperiment(String json) {
        return experiment(field(root(json), "experiment"), "experiment");
    }

    /** {@code {"experiments": [...]}} */
    public static String writeExperiments(List<Experiment> experiments) {
        ArrayNode a = Nodes.F.arrayNode();
        experiments.forEach(e -> a.add(experimentNode(e)));
        return pretty(wrap("experiments", a));
    }

    public static List<Experiment> readExperiments(String json) {
        return Fields.list(root(json), "experiments", "response",
                (n, at) -> experiment(n, at.substring("response.".length())));
    }

    /** {@code {"metrics": [...]}}, metrics/get-history's shape, in the order given. */
    public static String writeMetricHistory(List<Metric> history) {
        return pretty(wrap("metrics", Nodes.metrics(history)));
    }

    /**
     * The same text as {@link #writeMetricHistory(List)}, written as it goes: a history of a
     * million points is not held a second time as one tree and one string.
     */
    public static void writeMetricHistory(List<Metric> history, Writer out) throws IOException {
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(PRETTY.createInstance());
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeArrayFieldStart("metrics");
            for (Metric m : history) MAPPER.writeTree(g, Nodes.metric(m));
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    public static List<Metric> readMetricHistory(String json) {
        return Fields.list(root(json), "metrics", "response", (n, at) -> metric(n, at.substring("response.".length())));
    }

    // ---- single objects, as trees (for building requests and reading parts of answers)

    public static ObjectNode runNode(Run run) {
        return RunNodes.run(run);
    }

    public static ObjectNode runInfoNode(RunInfo info) {
        return RunNodes.info(info);
    }

    public static ObjectNode experimentNode(Experiment e) {
        return ExperimentNodes.experiment(e);
    }

    public static ObjectNode metricNode(Metric m) {
        return Nodes.metric(m);
    }

    /** Reads a run object; {@code path} names it in error messages (e.g. {@code "run"}). */
    public static Run run(JsonNode node, String path) {
        return RunNodes.run(node, path);
    }

    /** Reads a run's info, e.g. the {@code run_info} runs/update answers with. */
    public static RunInfo runInfo(JsonNode node, String path) {
        return RunNodes.info(node, path);
    }

    public static Experiment experiment(JsonNode node, String path) {
        return ExperimentNodes.experiment(node, path);
    }

    public static Metric metric(JsonNode node, String path) {
        return Nodes.metric(node, path);
    }

    // ---- text <-> tree

    /** Parses JSON text; malformed text is a one-line error with its line and column. */
    public static JsonNode parse(String json) {
        if (json == null || json.isBlank()) throw JrunsException.invalid("MLflow JSON: empty document");
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw JrunsException.invalid("MLflow JSON: malformed" + where + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    /** Indented as MLflow's server indents its answers. */
    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** One line, for request bodies. */
    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static ObjectNode wrap(String name, JsonNode value) {
        ObjectNode root = Nodes.F.objectNode();
        root.set(name, value);
        return root;
    }

    private static JsonNode root(String json) {
        JsonNode root = parse(json);
        if (!root.isObject()) throw Fields.bad("response", "an object", root);
        return root;
    }

    private static JsonNode field(JsonNode root, String name) {
        return Fields.object(root, name, "response");
    }
}
