package io.jruns.magics;

import io.jruns.magics.cell.MetricsCellMagic;
import io.jruns.magics.cell.NoteCellMagic;
import io.jruns.magics.cell.RunCellMagic;
import io.jruns.magics.line.ArtifactMagic;
import io.jruns.magics.line.CompareMagic;
import io.jruns.magics.line.ExperimentMagic;
import io.jruns.magics.line.MetricMagic;
import io.jruns.magics.line.NoteMagic;
import io.jruns.magics.line.ParamMagic;
import io.jruns.magics.line.RunMagic;
import io.jruns.magics.line.RunsMagic;
import io.jruns.magics.line.TagMagic;
import io.jruns.magics.model.LogModelMagic;
import io.jruns.magics.model.ReproduceMagic;
import io.jruns.magics.model.SnippetMagic;
import io.jruns.magics.registry.HelpMagic;
import io.jruns.magics.registry.MagicRegistry;
import io.jruns.magics.ui.UiMagic;
import io.jruns.reproduce.KernelSpecs;

/** The tracking magics, registered in one place. */
public final class JrunsMagics {
    private JrunsMagics() {
    }

    /** A registry with every tracking magic and %help, in a process that cannot list or install kernels. */
    public static MagicRegistry registry() {
        return registry(KernelSpecs.NONE);
    }

    /** A registry with every tracking magic and %help; {@code %reproduce} finds and installs kernels with {@code kernels}. */
    public static MagicRegistry registry(KernelSpecs kernels) {
        MagicRegistry r = new MagicRegistry();
        r.register(new ExperimentMagic())
                .register(new RunMagic())
                .register(new ParamMagic())
                .register(new MetricMagic())
                .register(new TagMagic())
                .register(new NoteMagic())
                .register(new ArtifactMagic())
                .register(new RunsMagic())
                .register(new CompareMagic())
                .register(new UiMagic())
                .register(new RunCellMagic())
                .register(new MetricsCellMagic())
                .register(new NoteCellMagic())
                .register(new LogModelMagic())
                .register(new SnippetMagic())
                .register(new ReproduceMagic(kernels))
                .register(new HelpMagic(r));
        return r;
    }
}
