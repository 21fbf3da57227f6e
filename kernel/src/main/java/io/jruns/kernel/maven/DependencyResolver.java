package io.jruns.kernel.maven;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Resolves Maven coordinates with their transitive (compile and runtime) dependencies, using
 * the user's Maven settings and local repository. Implemented on Maven Resolver, which lives
 * in its own class loader so its libraries never shadow the notebook's.
 */
public interface DependencyResolver {
    /**
     * @param coordinates  {@code groupId:artifactId[:extension[:classifier]]:version}
     * @param repositories extra remote repository URLs, searched after the configured ones
     * @param progress     where download lines go (the cell's stdout)
     * @return the jars, dependencies after their dependents, each once
     * @throws ResolutionFailure with a one-line reason
     */
    List<Path> resolve(List<String> coordinates, List<String> repositories, PrintStream progress);
}
