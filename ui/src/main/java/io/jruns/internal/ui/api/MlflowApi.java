package io.jruns.internal.ui.api;

import io.jruns.internal.ui.UiContext;
import io.jruns.internal.ui.http.Handler;
import io.jruns.internal.ui.http.Response;
import io.jruns.internal.ui.http.Router;

import java.util.List;

/**
 * MLflow's tracking REST API (2.0) over the UI's store, so MLflow clients (Python's
 * {@code mlflow}, the Java client, jruns's REST store) pointed at the UI log to and read from
 * it. Every call lives under {@code /api/2.0/mlflow/} and, as MLflow's own UI calls it,
 * {@code /ajax-api/2.0/mlflow/}; artifacts under {@code /get-artifact} and the artifact proxy
 * {@code /api/2.0/mlflow-artifacts/artifacts/}. Requests pass the UI's Guard first (a Bearer
 * token, as MLflow clients send MLFLOW_TRACKING_TOKEN). Endpoints are listed in docs/ui.md.
 */
public final class MlflowApi {
    static final List<String> PREFIXES = List.of("/api/2.0/mlflow/", "/ajax-api/2.0/mlflow/");
    /** What GET /version answers: the MLflow server whose answers this API was checked against (recordings/49-version). */
    static final String MLFLOW_VERSION = "2.12.2.dev0";
    /**
     * Says it is jruns on every answer, as /version cannot without misleading MLflow clients:
     * jruns' REST store then applies jruns' own limits and reads doubles as sent (docs/ui.md).
     */
    static final String JRUNS_HEADER = "X-Jruns-Version";
    static final String JRUNS_VERSION = MlflowApi.class.getPackage().getImplementationVersion() != null
            ? MlflowApi.class.getPackage().getImplementationVersion() : "dev";

    /** An endpoint's work, on the call's fields. */
    @FunctionalInterface
    interface Call {
        Response answer(ApiCall call) throws Exception;
    }

    private MlflowApi() {
    }

    public static void install(Router router, UiContext ctx) {
        Endpoints e = new Endpoints(router);
        ExperimentEndpoints.install(e, ctx.client().store());
        RunEndpoints.install(e, ctx.client().store());
        BulkRunEndpoints.install(e, ctx.client().store());
        LogEndpoints.install(e, ctx.client().store());
        MetricEndpoints.install(e, ctx.client().store());
        ArtifactEndpoints.install(e, router, ctx.client().store());
        router.get("/version", guarded(r -> Response.text(200, MLFLOW_VERSION)));
    }

    /** Registers an endpoint under every prefix, its failures answered in MLflow's error shape. */
    record Endpoints(Router router) {
        void get(String name, Call c) {
            for (String p : PREFIXES) router.get(p + name, json(c));
        }

        void post(String name, Call c) {
            for (String p : PREFIXES) router.post(p + name, json(c));
        }

        /** MLflow's read calls that take either a query string or a JSON body. */
        void both(String name, Call c) {
            get(name, c);
            post(name, c);
        }
    }

    static Handler json(Call c) {
        return guarded(r -> c.answer(ApiCall.of(r)));
    }

    /** Any failure of {@code h} as MLflow's JSON error, whatever the path; every answer says it is jruns. */
    static Handler guarded(Handler h) {
        return r -> {
            Response answer;
            try {
                answer = h.handle(r);
            } catch (Exception | StackOverflowError e) {
                answer = ApiErrors.of(e);
            }
            return answer.withHeader(JRUNS_HEADER, JRUNS_VERSION);
        };
    }
}
