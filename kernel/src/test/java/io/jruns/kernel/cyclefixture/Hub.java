package io.jruns.kernel.cyclefixture;

import io.jruns.kernel.cyclefixture.inner.Part;

/** With {@link Part}, a cycle between a package and its sub-package, for PackageCyclesTest. */
public class Hub {
    final Part part = new Part(this);
}
