package io.jruns.cli;

import io.jruns.domain.JrunsException;
import io.jruns.store.TrackingUri;

import java.nio.file.Files;

/**
 * The two stores of {@code jruns copy}, checked before either is opened (opening a local
 * store creates it): the source must already be a store.
 */
final class CopyEnds {
    private CopyEnds() {
    }

    static void check(TrackingUri from, TrackingUri to) {
        if (from.kind() == TrackingUri.Kind.EMBEDDED && !Files.isRegularFile(from.databaseFile())) {
            // a typo would otherwise become an empty store, copied from without a word
            throw JrunsException.notFound("copy: no jruns store at " + from
                    + " (for an MLflow export folder use jruns import)");
        }
    }
}
