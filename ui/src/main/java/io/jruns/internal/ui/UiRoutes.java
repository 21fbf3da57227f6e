package io.jruns.internal.ui;

import io.jruns.internal.ui.http.Router;
import io.jruns.internal.ui.pages.HomePage;
import io.jruns.internal.ui.panel.PanelPage;
import io.jruns.internal.ui.pages.StaticFiles;

/** Every route of the UI, in one place: pages, static files and MLflow's REST API. */
public final class UiRoutes {
    private UiRoutes() {
    }

    public static void install(Router router, UiContext ctx) {
        StaticFiles.install(router);
        HomePage.install(router, ctx);
        PanelPage.install(router, ctx.client());
    }
}
