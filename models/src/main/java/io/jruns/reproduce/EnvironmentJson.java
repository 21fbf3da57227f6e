package io.jruns.reproduce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.internal.json.Json;

import java.util.ArrayList;
import java.util.List;

/** {@code environment.json}: a {@link RunEnvironment} in snake_case JSON, readable by people and tools. */
public final class EnvironmentJson {
    private static final ObjectMapper JSON = Json.MAPPER;

    private EnvironmentJson() {
    }

    public static String write(RunEnvironment e) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", RunEnvironment.FORMAT);
        root.put("captured_at", e.capturedAt());
        ObjectNode java = root.putObject("java");
        java.put("version", e.java().version());
        java.put("vendor", e.java().vendor());
        java.put("runtime", e.java().runtime());
        java.put("vm", e.java().vm());
        java.put("home", e.java().home());
        ObjectNode jvm = root.putObject("jvm");
        ArrayNode options = jvm.putArray("options");
        e.jvm().options().forEach(options::add);
        jvm.put("max_heap_bytes", e.jvm().maxHeapBytes());
        if (!e.jvm().classPath().isEmpty()) e.jvm().classPath().forEach(jvm.putArray("class_path")::add);
        ObjectNode os = root.putObject("os");
        os.put("name", e.os().name());
        os.put("version", e.os().version());
        os.put("arch", e.os().arch());
        ObjectNode machine = root.putObject("machine");
        machine.put("cpus", e.machine().cpus());
        if (e.machine().memoryBytes() == null) machine.putNull("memory_bytes");
        else machine.put("memory_bytes", e.machine().memoryBytes());
        if (e.kernel() == null) {
            root.putNull("kernel");
        } else {
            ObjectNode k = root.putObject("kernel");
            k.put("name", e.kernel().name());
            k.put("version", e.kernel().version());
            k.put("resource_dir", e.kernel().resourceDir());
        }
        ArrayNode libs = root.putArray("libraries");
        for (Library l : e.libraries()) {
            ObjectNode o = libs.addObject();
            if (l.isMaven()) {
                o.put("maven", l.coordinates());
            } else {
                o.put("jar", l.path());
                o.put("sha256", l.sha256());
            }
            if (l.origin() != null) o.put("origin", l.origin());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static RunEnvironment read(String json, String where) {
        JsonNode r;
        try {
            r = JSON.readTree(json);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException(where + " is not JSON: " + ex.getOriginalMessage());
        }
        if (!r.isObject() || !r.path("java").isObject()) throw new IllegalArgumentException(where + " is not a jruns environment.json");
        JsonNode j = r.path("java");
        List<String> options = new ArrayList<>();
        r.path("jvm").path("options").forEach(o -> options.add(o.asText()));
        List<String> classPath = new ArrayList<>();
        r.path("jvm").path("class_path").forEach(o -> classPath.add(o.asText()));
        JsonNode k = r.path("kernel");
        RunEnvironment.Kernel kernel = k.isObject()
                ? new RunEnvironment.Kernel(text(k, "name"), text(k, "version"), text(k, "resource_dir")) : null;
        List<Library> libs = new ArrayList<>();
        for (JsonNode l : r.path("libraries")) {
            if (l.has("maven")) libs.add(new Library(l.get("maven").asText(), null, null, text(l, "origin")));
            else if (l.has("jar")) libs.add(Library.jar(l.get("jar").asText(), text(l, "sha256"), text(l, "origin")));
        }
        JsonNode m = r.path("machine");
        return new RunEnvironment(text(r, "captured_at"),
                new RunEnvironment.Java(text(j, "version"), text(j, "vendor"), text(j, "runtime"), text(j, "vm"), text(j, "home")),
                new RunEnvironment.Jvm(options, r.path("jvm").path("max_heap_bytes").asLong(0), classPath),
                new RunEnvironment.Os(text(r.path("os"), "name"), text(r.path("os"), "version"), text(r.path("os"), "arch")),
                new RunEnvironment.Machine(m.path("cpus").asInt(0), m.path("memory_bytes").isNumber() ? m.get("memory_bytes").asLong() : null),
                kernel, libs);
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
