package io.jruns.magics;

import io.jruns.Jruns;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.magics.registry.MagicRegistry;
import io.jruns.magics.registry.MagicSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A magics test on a real store in a temporary folder: the registry, a fake notebook, an experiment of its own. */
public abstract class MagicsOnStore {
    @TempDir
    protected Path home;
    protected final MagicRegistry magics = JrunsMagics.registry();
    protected final FakeHost host = new FakeHost();
    private final String experiment;

    protected MagicsOnStore(String experiment) {
        this.experiment = experiment;
    }

    @BeforeEach
    void openStore() {
        Jruns.setTrackingUri(home.toString());
        Jruns.setExperiment(experiment);
    }

    @AfterEach
    void endOpenRuns() {
        Jruns.endAllRuns(RunStatus.KILLED);
    }

    protected void line(String name, String args) throws Exception {
        magics.run(host, MagicSpec.Kind.LINE, name, args, null);
    }

    /** The active run as stored now. */
    protected Run active() {
        return Jruns.client().getRun(Jruns.activeRun().orElseThrow().runId());
    }
}
