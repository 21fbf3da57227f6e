package io.jruns.model;

import io.jruns.internal.yaml.Yaml;
import io.jruns.reproduce.ClasspathLibraries;
import io.jruns.reproduce.Libraries;
import io.jruns.reproduce.Library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a model needs to load, saved beside it as {@code java_env.yaml}: the Java version and
 * the libraries (Maven coordinates, and jars by path with their SHA-256). In a notebook these
 * are what {@code %maven} and {@code %jars} added; in a plain program, the jar the model's
 * class comes from. jruns itself (and tablesaw, which it brings) is not listed.
 */
public record Requirements(String javaVersion, String javaVendor, List<String> maven, Map<String, String> jars) {
    public static final String FILE = "java_env.yaml";

    public Requirements {
        maven = List.copyOf(maven);
        jars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(jars));
    }

    public static Requirements of(Object model) {
        List<Library> libs = Libraries.session().orElseGet(() -> ClasspathLibraries.jarOf(model.getClass())
                .map(jar -> List.of(ClasspathLibraries.of(jar, "the model's class")))
                .orElse(List.of()));
        List<String> maven = new ArrayList<>();
        Map<String, String> jars = new LinkedHashMap<>();
        for (Library l : libs) {
            if (l.isMaven() && !l.coordinates().startsWith("io.jruns:") && !maven.contains(l.coordinates())) maven.add(l.coordinates());
            if (!l.isMaven()) jars.put(l.path(), l.sha256() == null ? "" : l.sha256());
        }
        return new Requirements(System.getProperty("java.version"), System.getProperty("java.vendor"), maven, jars);
    }

    /** {@code %maven a:b:1 c:d:2}, or empty when there is nothing to resolve. */
    public String mavenLine() {
        return maven.isEmpty() ? "" : "%maven " + String.join(" ", maven);
    }

    /** {@code %jars /path/a.jar ...} for the jars the model's classes came from, or empty. */
    public String jarsLine() {
        return jars.isEmpty() ? "" : "%jars " + String.join(" ", jars.keySet().stream()
                .map(p -> p.contains(" ") ? "\"" + p + "\"" : p).toList());
    }

    public String toYaml() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("java_version", javaVersion);
        m.put("java_vendor", javaVendor);
        m.put("maven", maven);
        m.put("jars", jars);
        return Yaml.write(m);
    }

    public static Requirements parse(String yaml) {
        Map<String, Object> m = Yaml.read(yaml);
        List<String> maven = new ArrayList<>();
        if (m.get("maven") instanceof List<?> l) l.forEach(x -> maven.add(String.valueOf(x)));
        Map<String, String> jars = new LinkedHashMap<>();
        if (m.get("jars") instanceof Map<?, ?> j) j.forEach((k, v) -> jars.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        return new Requirements(Objects.toString(m.get("java_version"), null), Objects.toString(m.get("java_vendor"), null), maven, jars);
    }
}
