package io.jruns.internal.ui.pages;

import io.jruns.ActiveRun;
import io.jruns.Jruns;
import io.jruns.TrackingClient;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import io.jruns.model.Models;
import io.jruns.model.Predictor;
import io.jruns.ui.UiServer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real embedded store in a temp folder with what the run page shows: a parent with nested
 * children, hostile tags, a 100,000-step metric, CSV/PNG/JSON artifacts, the stored notebook with
 * logged cell ids, and a logged model; and a real UI server over it.
 */
final class RunPageFixture {
    static final String HOSTILE = "<script>alert(1)</script>";
    static final String QUOTE = "x'y";
    static final int STEPS = 100_000;

    final TrackingClient client;
    final UiServer server;
    final String parentId;
    final List<String> childIds = new ArrayList<>();
    final Path outside;

    /** A model the java_serialization flavor saves: prediction = 2 × x. */
    static final class Doubler implements Predictor, Serializable {
        @Override
        public Object predict(Table input) {
            DoubleColumn x = input.doubleColumn("x");
            return x.multiply(2).setName("prediction");
        }
    }

    RunPageFixture(Path home) throws Exception {
        Jruns.setTrackingUri(home.resolve("store").toString());
        Jruns.setExperiment("exp " + HOSTILE);
        client = Jruns.client();
        Path files = Files.createDirectories(home.resolve("files"));
        try (ActiveRun run = Jruns.startRun("parent " + HOSTILE)) {
            parentId = run.runId();
            run.logParam("lr", 0.01);
            run.setTag("hostile", HOSTILE);
            run.setTag("quote", QUOTE);
            run.setTag("team", "vision");
            run.setTag(SystemTags.SOURCE_NAME, "/home/me/train.ipynb");
            run.setTag(SystemTags.NOTEBOOK_REVISION, "a".repeat(64));
            // "gone": a cell that logged but is not in the stored copy (it was never saved)
            run.setTag(SystemTags.NOTEBOOK_CELL_IDS, "c2,c3,gone");
            run.setTag(SystemTags.NOTEBOOK_START_CELL_ID, "c2");
            run.setTag(SystemTags.NOTEBOOK_END_CELL_ID, "c4");
            run.logMetric("acc", 0.5, 0);
            run.logMetric("acc", 0.9, 1);
            Models.log(run, new Doubler(), "model", Table.create("in", DoubleColumn.create("x", 1.0, 2.0)));
            Files.writeString(files.resolve("data.csv"), "name,score\n\"a, quoted\",1\n" + HOSTILE + ",2\n");
            Files.writeString(files.resolve("info.json"), "{\"a\":1,\"b\":[\"" + HOSTILE.replace("/", "\\/") + "\"]}");
            BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            img.setRGB(3, 3, 0xff0000);
            ImageIO.write(img, "png", files.resolve("plot.png").toFile());
            Files.writeString(files.resolve("odd <b> 'x'.txt"), "plain " + HOSTILE);
            for (String f : List.of("data.csv", "info.json", "plot.png", "odd <b> 'x'.txt")) run.logArtifact(files.resolve(f));
            Path nb = Files.createDirectories(files.resolve("nb"));
            Files.writeString(nb.resolve("train.ipynb"), NOTEBOOK);
            run.logArtifact(nb.resolve("train.ipynb"), "notebook");
        }
        client.flush();
        List<Metric> batch = new ArrayList<>();
        long t0 = System.currentTimeMillis() - STEPS;
        for (int s = 0; s < STEPS; s++) {
            batch.add(new Metric("loss", 1.0 / (1 + s) + (s == 77_777 ? 5 : 0), t0 + s, s));
            if (batch.size() == 1000) {
                client.store().logBatch(new LogBatch(parentId, List.copyOf(batch), List.of(), List.of()));
                batch.clear();
            }
        }
        String exp = client.getRun(parentId).info().experimentId();
        for (int c = 0; c < 3; c++) {
            String id = client.createRun(exp, "child " + c, Map.of(SystemTags.PARENT_RUN_ID, parentId), "me").runId();
            client.logMetric(id, "acc", 0.1 * c, 0);
            client.setTerminated(id, RunStatus.FINISHED);
            childIds.add(id);
        }
        outside = Files.writeString(home.resolve("secret.txt"), "TOP-SECRET-OUTSIDE");
        Path artifactDir = Path.of(java.net.URI.create(client.getRun(parentId).info().artifactUri()));
        Files.createSymbolicLink(artifactDir.resolve("link-out.txt"), outside);
        server = UiServer.builder(client).build().start();
    }

    void close() {
        server.close();
        Jruns.endAllRuns(RunStatus.KILLED);
    }

    static final String NOTEBOOK = """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
             "cells": [
              {"id": "c1", "cell_type": "markdown", "metadata": {}, "source": ["# Training\\n", "<script>alert(2)</script>"]},
              {"id": "c2", "cell_type": "code", "execution_count": 1, "metadata": {}, "source": "var run = Jruns.startRun(\\"a<b\\");",
               "outputs": [{"output_type": "stream", "name": "stdout", "text": ["started <i>run</i>\\n"]}]},
              {"id": "c3", "cell_type": "code", "execution_count": 2, "metadata": {}, "source": ["Jruns.logMetric(\\"loss\\", 0.1);"],
               "outputs": [{"output_type": "display_data", "metadata": {}, "data": {"text/html": ["<img src=x id=evil>"]}},
                           {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="}}]},
              {"id": "c4", "cell_type": "code", "execution_count": 3, "metadata": {}, "source": "run.end();", "outputs": []}
             ]}
            """;
}
