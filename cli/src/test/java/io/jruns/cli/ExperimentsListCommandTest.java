package io.jruns.cli;

import io.jruns.domain.Experiment;
import io.jruns.domain.ViewType;
import io.jruns.json.RestJson;
import io.jruns.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExperimentsListCommandTest {
    @TempDir
    Path home;

    @Test
    void tableListsDefaultAndCreatedExperiments() {
        Cli cli = new Cli(home);
        Seed seed = Seed.into(cli);
        Cli.Result r = cli.run("experiments", "list");
        assertEquals(0, r.code(), r.toString());
        List<List<String>> rows = Tables.cells(r.out());
        assertEquals(List.of("experiment_id", "name", "created", "artifact_location"), rows.get(0));
        assertEquals(List.of("0", seed.visionId, seed.nlpId), rows.subList(1, 4).stream().map(x -> x.get(0)).toList());
        assertEquals(List.of("Default", "vision", "nlp"), rows.subList(1, 4).stream().map(x -> x.get(1)).toList());
        try (Store store = cli.openStore()) {
            Experiment vision = store.getExperiment(seed.visionId).orElseThrow();
            assertEquals(vision.artifactLocation(), rows.get(2).get(3));
            assertEquals(io.jruns.views.format.Format.time(vision.creationTime(), java.time.ZoneOffset.UTC), rows.get(2).get(2));
        }
    }

    @Test
    void allAddsTheLifecycleColumn() {
        Cli.Result r = new Cli(home).run("experiments", "list", "--all");
        assertEquals(List.of("experiment_id", "name", "created", "lifecycle", "artifact_location"), Tables.cells(r.out()).get(0));
        assertEquals("active", Tables.cells(r.out()).get(1).get(3));
    }

    @Test
    void jsonIsMlflowsSearchAnswer() {
        Cli cli = new Cli(home);
        Seed.into(cli);
        Cli.Result r = cli.run("experiments", "list", "--format", "json");
        try (Store store = cli.openStore()) {
            assertEquals(store.listExperiments(ViewType.ACTIVE_ONLY), RestJson.readExperiments(r.out()));
        }
    }

    @Test
    void badUsage() {
        Cli.Result r = new Cli(home).run("experiments", "list", "--all=yes");
        assertEquals(2, r.code());
        assertEquals("jruns: experiments list: --all takes no value (usage: jruns experiments list [--all] "
                + "[--format table|json])", r.error());
    }
}
