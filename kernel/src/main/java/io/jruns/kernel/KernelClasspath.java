package io.jruns.kernel;

import io.jruns.kernel.classpath.ClasspathLedger;
import io.jruns.kernel.eval.JShellEvaluator;
import io.jruns.kernel.magic.NotebookClasspath;
import io.jruns.kernel.maven.DependencyResolver;
import io.jruns.kernel.maven.impl.ResolverLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** The notebook's class path: jars go into JShell and the ledger; Maven Resolver is loaded on first use. */
final class KernelClasspath implements NotebookClasspath {
    private final ClasspathLedger ledger;
    private final Supplier<Path> baseDir;
    private final Supplier<JShellEvaluator> evaluator;
    private volatile DependencyResolver resolver;

    KernelClasspath(ClasspathLedger ledger, Supplier<Path> baseDir, Supplier<JShellEvaluator> evaluator) {
        this.ledger = ledger;
        this.baseDir = baseDir;
        this.evaluator = evaluator;
    }

    @Override
    public Path baseDir() {
        return baseDir.get(); // the notebook's folder, which a spare learns at its launch
    }

    @Override
    public List<Path> add(String origin, List<Path> paths) {
        JShellEvaluator ev = evaluator.get();
        return ledger.add(origin, paths, ev::addToClasspath);
    }

    @Override
    public void recordMaven(String coordinates) {
        ledger.recordMaven(coordinates);
    }

    /** Loaded isolated from the notebook's class path, once. */
    @Override
    public DependencyResolver resolver() {
        DependencyResolver r = resolver;
        if (r == null) {
            synchronized (this) {
                if (resolver == null) {
                    resolver = ResolverLoader.load();
                }
                r = resolver;
            }
        }
        return r;
    }
}
