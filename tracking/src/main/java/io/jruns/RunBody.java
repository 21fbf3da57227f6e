package io.jruns;

/**
 * The code of one run, for {@link Jruns#run(String, RunBody)}. It may throw what it likes: a
 * checked exception it throws is what {@code run} declares, so no wrapping is needed.
 */
@FunctionalInterface
public interface RunBody<X extends Throwable> {
    void accept(ActiveRun run) throws X;
}
