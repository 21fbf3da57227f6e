package io.jruns.ui;

import io.jruns.internal.ui.UiContext;
import io.jruns.internal.ui.http.Router;
import io.jruns.internal.ui.pages.ComparePage;
import io.jruns.internal.ui.pages.ExperimentPage;
import io.jruns.internal.ui.pages.HomePage;
import io.jruns.internal.ui.pages.RunPageRoute;
import io.jruns.internal.ui.pages.StaticFiles;
import io.jruns.internal.ui.panel.PanelPage;

/** Every route of the UI, in one place: pages, static files and MLflow's REST API. (Beside UiServer: the pages depend on UiContext, so the wiring stays out of internal.ui.) */
final class UiRoutes {
    private UiRoutes() {
    }

    static void install(Router router, UiContext ctx) {
        StaticFiles.install(router);
        HomePage.install(router, ctx);
        PanelPage.install(router, ctx.client());
        ExperimentPage.install(router, ctx);
        ComparePage.install(router, ctx);
        RunPageRoute.install(router, ctx);
        io.jruns.internal.ui.api.MlflowApi.install(router, ctx);
    }
}
