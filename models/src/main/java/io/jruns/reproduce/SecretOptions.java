package io.jruns.reproduce;

import java.util.List;
import java.util.regex.Pattern;

/**
 * JVM options whose value reads as a secret ({@code -Dhttp.proxyPassword=...},
 * {@code -Djavax.net.ssl.keyStorePassword=...}, {@code -Dapi.token=...}): recorded with the
 * value replaced, since environment.json is an artifact every reader of the run sees, and
 * export, copy and MLflow servers carry it on.
 */
final class SecretOptions {
    static final String REDACTED = "<redacted>";
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(passw(or)?d|passwd|pwd|secret|token|credential|api[-_.]?key|private[-_.]?key|auth).*");

    private SecretOptions() {
    }

    static List<String> redacted(List<String> options) {
        return options.stream().map(SecretOptions::redacted).toList();
    }

    private static String redacted(String option) {
        if (!option.startsWith("-D")) return option;
        int eq = option.indexOf('=');
        if (eq < 0 || !SECRET_KEY.matcher(option.substring(2, eq)).matches()) return option;
        return option.substring(0, eq + 1) + REDACTED;
    }

    static boolean isRedacted(String option) {
        return option.startsWith("-D") && option.endsWith("=" + REDACTED);
    }
}
