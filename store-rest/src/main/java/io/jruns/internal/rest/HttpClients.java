package io.jruns.internal.rest;

import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

/**
 * One OkHttp client for the whole process: every store derives its own settings from it,
 * which shares the connection pool (keep-alive: a log-batch reuses the connection of the last
 * one instead of opening a new one, which is most of the cost; mlflow#1867) and the threads.
 */
final class HttpClients {
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(8, 5, TimeUnit.MINUTES))
            .socketFactory(NoDelaySockets.INSTANCE)
            .build();

    private HttpClients() {
    }

    /**
     * A client for one server. {@code repeatable} false turns off OkHttp's own silent retry
     * on a failed pooled connection, which may send a request twice: creates must not.
     */
    static OkHttpClient forConfig(RestConfig c, boolean repeatable) {
        OkHttpClient.Builder b = SHARED.newBuilder()
                .connectTimeout(c.connectTimeout())
                .readTimeout(c.readTimeout())
                .writeTimeout(c.readTimeout())
                .retryOnConnectionFailure(repeatable)
                // MLflow's API never redirects: one that does points elsewhere (a moved server, a login
                // page), and following it turns a POST into a GET or writes to another host unseen
                .followRedirects(false)
                .followSslRedirects(false);
        if (c.insecureTls()) trustEverything(b);
        return b.build();
    }

    /** MLFLOW_TRACKING_INSECURE_TLS=true: no certificate or host name checks (self-signed servers). */
    private static void trustEverything(OkHttpClient.Builder b) {
        X509TrustManager all = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // trusted: the user asked for no verification
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // trusted: the user asked for no verification
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[]{all}, new SecureRandom());
            b.sslSocketFactory(ssl.getSocketFactory(), all).hostnameVerifier((host, session) -> true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }
}
