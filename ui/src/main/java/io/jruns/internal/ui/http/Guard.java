package io.jruns.internal.ui.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may ask, checked before any handler runs: the {@code Host} header must name the server
 * (DNS rebinding), the token must come as {@code Authorization: Bearer} (MLflow clients), as the
 * session cookie, or once in {@code ?token=} (which sets the cookie and redirects to drop it from
 * the address bar), or as a one-time {@code ?code=} ({@link LoginCode}) from a link a notebook
 * saved. A change asked with the cookie must also carry the page's CSRF token (form field
 * {@code csrf} or header {@code X-Jruns-Csrf}) and no foreign {@code Origin}; so must any API
 * call (header only), reads included.
 */
public final class Guard {
    /** The cookie's name is this plus the port: cookies ignore ports, and two UIs on one host must not overwrite each other's. */
    public static final String COOKIE = "jruns_ui";
    public static final String CSRF_HEADER = "X-Jruns-Csrf";
    public static final String CSRF_FIELD = "csrf";

    /** Only our own scripts run; styles may be inline (the views carry them); no page may be framed... */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    /**
     * ...but the %ui panel, by Jupyter on this machine. The panel has no forms and opens every
     * link in a new tab, so a page that frames it cannot trick a click into a change
     * (clickjacking): the pages with Delete, Rename and tag forms refuse every frame.
     */
    static final String PANEL_CSP = CSP.replace("frame-ancestors 'none'",
            "frame-ancestors 'self' http://127.0.0.1:* http://localhost:* https://127.0.0.1:* https://localhost:*");

    /** The policy for a response to {@code path}. */
    public static String csp(String path) {
        return path != null && path.startsWith("/panel/") ? PANEL_CSP : CSP;
    }

    private final byte[] token;
    private final String csrf;
    private final Set<String> hosts;
    private final String cookie;
    /** Nonces of login codes used, to when they expire: a code opens once. */
    private final Map<String, Long> spent = new ConcurrentHashMap<>();

    /** {@code hosts}: the Host header values accepted, e.g. {@code 127.0.0.1:8123} and {@code localhost:8123}. */
    public Guard(String token, String csrf, Set<String> hosts, int port) {
        this.cookie = COOKIE + "_" + port;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.csrf = csrf;
        this.hosts = Set.copyOf(hosts);
    }

    public String csrf() {
        return csrf;
    }

    /** A refusal, or empty when the request may go on to its handler. */
    public Optional<Response> check(Request r) {
        String host = r.header("Host").orElse("");
        if (!hosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of(Response.text(421, "jruns ui: this server does not serve host '" + host + "'"));
        }
        // the scheme's name is case-insensitive (RFC 9110)
        boolean bearer = r.header("Authorization").filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(a -> same(a.substring(7).trim())).orElse(false);
        if (bearer) return Optional.empty();
        Optional<String> code = r.query("code");
        if (code.isPresent() && (r.method().equals("GET") || r.method().equals("HEAD"))) return Optional.of(signIn(r, code.get()));
        Optional<String> inQuery = r.query("token");
        if (inQuery.isPresent() && same(inQuery.get()) && (r.method().equals("GET") || r.method().equals("HEAD"))) {
            return Optional.of(Response.seeOther(without(r, "token")).withHeader("Set-Cookie", cookie + "="
                    + inQuery.get() + "; Path=/; HttpOnly; SameSite=Strict"));
        }
        if (!cookieOf(r).map(this::same).orElse(false)) {
            return Optional.of(Response.text(401, "jruns ui: this needs the token: open the link 'jruns ui' printed"
                    + " (…/?token=…), or send Authorization: Bearer TOKEN"));
        }
        boolean api = api(r.path());
        if (api && !changes(r.method()) && r.header(CSRF_HEADER).isEmpty()) {
            // a page's own script would send the header; a link or a tag pointing at the API does not
            return Optional.of(Response.text(403, "jruns ui: the API takes the session cookie only with the page's " + CSRF_HEADER
                    + " header; MLflow clients send Authorization: Bearer TOKEN"));
        }
        if (changes(r.method()) || api) {
            String origin = r.header("Origin").orElse(null);
            // "null": what the Fetch spec sends for every form POST under our own Referrer-Policy: no-referrer;
            // the CSRF token below is still required, and the SameSite=Strict cookie never comes cross-site
            if (origin != null && !origin.equals("null") && !hosts.contains(origin.replaceFirst("^https?://", "").toLowerCase(java.util.Locale.ROOT))) {
                return Optional.of(Response.text(403, "jruns ui: a change from another site (" + origin + ") is refused"));
            }
            String given = r.header(CSRF_HEADER).orElseGet(() -> formCsrf(r));
            if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), csrf.getBytes(StandardCharsets.UTF_8))) {
                return Optional.of(Response.text(403, "jruns ui: a change needs the page's CSRF token; reload the page and try again"));
            }
        }
        return Optional.empty();
    }

    /**
     * A {@link LoginCode} from a saved link: once, within its time, it sets the cookie as the
     * token does. Spent or expired, it is no way in, but a browser that has the cookie goes on.
     */
    private Response signIn(Request r, String code) {
        long now = System.currentTimeMillis();
        String nonce = LoginCode.check(new String(token, StandardCharsets.UTF_8), code, now);
        boolean fresh = nonce != null && spent.putIfAbsent(nonce, LoginCode.expiry(code)) == null;
        spent.values().removeIf(expiry -> expiry <= now);
        if (fresh) {
            return Response.seeOther(without(r, "code")).withHeader("Set-Cookie", cookie + "="
                    + new String(token, StandardCharsets.UTF_8) + "; Path=/; HttpOnly; SameSite=Strict");
        }
        if (cookieOf(r).map(this::same).orElse(false)) return Response.seeOther(without(r, "code"));
        return Response.text(401, "jruns ui: this link has expired or was used (a notebook's links work once, for "
                + LoginCode.TTL_MILLIS / 60_000 + " minutes): run %ui again, or open the link 'jruns ui' printed");
    }

    /** MLflow's REST API and its artifact download, as opposed to the pages. */
    static boolean api(String path) {
        return path.startsWith("/api/") || path.startsWith("/ajax-api/") || path.equals("/get-artifact");
    }

    private static String formCsrf(Request r) {
        String type = r.header("Content-Type").orElse("");
        if (!type.startsWith("application/x-www-form-urlencoded")) return null;
        return r.formField(CSRF_FIELD).orElse(null);
    }

    private static boolean changes(String method) {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }

    private boolean same(String given) {
        return MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<String> cookieOf(Request r) {
        for (String part : r.header("Cookie").orElse("").split(";")) {
            String p = part.trim();
            if (p.startsWith(cookie + "=")) return Optional.of(p.substring(cookie.length() + 1));
        }
        return Optional.empty();
    }

    /** The request's own path and query, minus the {@code drop} parameter. */
    private static String without(Request r, String drop) {
        StringBuilder q = new StringBuilder();
        r.query().forEach((k, vs) -> {
            if (k.equals(drop)) return;
            for (String v : vs) q.append(q.length() == 0 ? "?" : "&").append(enc(k)).append('=').append(enc(v));
        });
        return enc(r.path()).replace("%2F", "/") + q;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
