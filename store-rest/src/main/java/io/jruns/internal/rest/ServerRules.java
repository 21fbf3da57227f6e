package io.jruns.internal.rest;

import io.jruns.internal.validate.Validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What this server accepts beyond jruns' own checks, so values it would refuse or cut are
 * refused here, before they are sent. Learned from the server's {@code /version} (see the
 * recording 49-version: MLflow 2.12 answers "2.12.2.dev0"): before MLflow 2.17 run tag values
 * are cut at 5000 characters, silently (8000 since); MLflow 2.12 and older refuse ':' in
 * names. A server that refuses ':' although its version did not say so teaches it with its
 * first refusal. Unknown versions (Databricks, proxies) get MLflow's current limits; until the
 * server has been asked, tag values get the oldest limit, since values logged while it is away
 * are replayed later to whatever version answers. jruns ui answers an MLflow 2.12 version but
 * keeps what the embedded store keeps ({@link ServerIdentity}): once it has said so, its limits
 * are jruns' own ({@link Validation}: 8000 characters, ':' allowed).
 */
final class ServerRules {
    static final int TAG_VALUE_NEW = 8000;
    static final int TAG_VALUE_OLD = 5000;
    private static final Pattern VERSION = Pattern.compile("^\\s*(\\d+)\\.(\\d+)");
    /** MLflow's words when it refuses a name for its characters (14-log-param-badkey). */
    private static final Pattern NAME_REFUSED = Pattern.compile("Invalid (?:metric|parameter|tag) name: '(.*)'\\. "
            + "Names may only contain");

    private final ServerIdentity server;
    private volatile String version;
    private volatile boolean asked;
    private volatile int tagValueMax = TAG_VALUE_OLD;
    private volatile boolean colonAllowed = true;

    ServerRules(ServerIdentity server) {
        this.server = server;
    }

    /** Applies what a server version means; null or unparsable leaves the defaults. */
    void version(String v) {
        asked = true;
        Matcher m = v == null ? null : VERSION.matcher(v);
        if (m == null || !m.find()) {
            tagValueMax = TAG_VALUE_NEW;
            return;
        }
        version = v.strip();
        int major = Integer.parseInt(m.group(1)), minor = Integer.parseInt(m.group(2));
        boolean before217 = major < 2 || (major == 2 && minor < 17);
        tagValueMax = before217 ? TAG_VALUE_OLD : TAG_VALUE_NEW;
        if (major < 2 || (major == 2 && minor <= 12)) colonAllowed = false;
    }

    /** The server has no version page (Databricks, a proxy): MLflow's current limits. */
    void noVersion() {
        version(null);
    }

    /** Learns from a refusal: a name with ':' refused for its characters means ':' is not allowed. */
    void learn(RestException e) {
        String msg = e.serverMessage() == null ? e.getMessage() : e.serverMessage();
        Matcher m = NAME_REFUSED.matcher(msg);
        if (m.find() && m.group(1).contains(":") && !msg.contains("colons")) colonAllowed = false;
    }

    int tagValueMax() {
        return server.isJruns() ? Validation.MAX_TAG_VALUE_LENGTH : tagValueMax;
    }

    /** Why this server refuses the key, or null. */
    String keyProblem(String key) {
        if (!colonAllowed && !server.isJruns() && key.indexOf(':') >= 0) {
            return "this MLflow server" + (version == null ? "" : " (" + version + ")")
                    + " does not allow ':' in names (MLflow 2.12 and older)";
        }
        return null;
    }

    String describe() {
        if (server.isJruns()) return server.describe();
        if (!asked) return "this MLflow server until it tells its version (MLflow before 2.17 cuts longer tag values)";
        return version == null ? "this MLflow server" : "this MLflow server (" + version + ")";
    }
}
