package io.jruns.kernel.cyclefixture.inner;

import io.jruns.kernel.cyclefixture.Hub;

/** Calls back into its parent package's {@link Hub}: the shape the kernel must not have. */
public class Part {
    private final Hub hub;

    public Part(Hub hub) {
        this.hub = hub;
    }

    public Hub hub() {
        return hub;
    }
}
