package io.jruns.kernel.magic;

import io.jruns.kernel.maven.DependencyResolver;
import java.nio.file.Path;
import java.util.List;

/** What {@code %jars} and {@code %maven} need from the kernel: the notebook's class path and Maven Resolver. */
public interface NotebookClasspath {
    /** Where relative {@code %jars} paths start: the notebook's folder. */
    Path baseDir();

    /** Adds jars or folders to the notebook's class path; returns the ones that were new. */
    List<Path> add(String origin, List<Path> paths);

    /** Records Maven coordinates the notebook asked for (for the run's environment). */
    void recordMaven(String coordinates);

    /** Maven Resolver, loaded on first use. */
    DependencyResolver resolver();
}
