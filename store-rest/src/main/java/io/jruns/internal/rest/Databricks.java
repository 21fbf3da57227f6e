package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;
import io.jruns.store.TrackingUri;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The workspace behind {@code databricks} or {@code databricks://PROFILE}: DATABRICKS_HOST and
 * DATABRICKS_TOKEN, else the profile (DEFAULT for plain {@code databricks}) of
 * {@code ~/.databrickscfg} ({@code DATABRICKS_CONFIG_FILE} to use another file).
 */
final class Databricks {
    record Host(String url, String token) {
        @Override
        public String toString() {
            return "Host[" + url + ", token hidden]";
        }
    }

    private Databricks() {
    }

    static Host resolve(String uri, Map<String, String> env) {
        String lower = uri.toLowerCase(Locale.ROOT);
        String profile = lower.startsWith("databricks://") ? uri.substring("databricks://".length()) : null;
        if (profile != null && profile.contains(":")) profile = profile.substring(0, profile.indexOf(':'));
        if (profile == null || profile.isBlank()) {
            String host = env.get("DATABRICKS_HOST");
            String token = env.get("DATABRICKS_TOKEN");
            if (host != null && !host.isBlank() && token != null && !token.isBlank()) {
                return new Host(url(host.trim()), token.trim());
            }
            // as the Databricks SDK (which MLflow uses) picks a profile when the URI names none
            String named = env.get("DATABRICKS_CONFIG_PROFILE");
            profile = named != null && !named.isBlank() ? named.trim() : "DEFAULT";
        }
        Path cfg = env.get("DATABRICKS_CONFIG_FILE") != null ? Paths.get(env.get("DATABRICKS_CONFIG_FILE"))
                : Paths.get(TrackingUri.userHome(env), ".databrickscfg");
        Map<String, String> section = section(cfg, profile);
        String host = section.get("host");
        String token = section.get("token");
        if (host == null || token == null) {
            throw JrunsException.invalid("tracking URI '" + uri + "' needs DATABRICKS_HOST and DATABRICKS_TOKEN, or a ["
                    + profile + "] profile with host and token in " + cfg);
        }
        return new Host(url(host), token);
    }

    private static String url(String host) {
        return host.matches("(?i)https?://.*") ? host : "https://" + host;
    }

    /** The key = value lines of one [section] of an INI file; empty when the file or section is missing. */
    private static Map<String, String> section(Path file, String name) {
        Map<String, String> out = new HashMap<>();
        if (!Files.isRegularFile(file)) return out;
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw JrunsException.invalid("cannot read " + file + ": " + e.getMessage());
        }
        boolean in = false;
        for (String line : lines) {
            String t = line.trim();
            if (t.startsWith("[") && t.endsWith("]")) {
                in = t.substring(1, t.length() - 1).trim().equals(name);
            } else if (in && t.contains("=") && !t.startsWith("#") && !t.startsWith(";")) {
                int eq = t.indexOf('=');
                out.put(t.substring(0, eq).trim().toLowerCase(Locale.ROOT), t.substring(eq + 1).trim());
            }
        }
        return out;
    }
}
