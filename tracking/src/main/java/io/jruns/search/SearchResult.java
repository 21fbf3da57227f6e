package io.jruns.search;

import io.jruns.domain.Run;

import java.util.List;
import java.util.Optional;

/** One page of runs, and the token for the next page (null on the last page). */
public record SearchResult(List<Run> runs, String nextPageToken) {

    public SearchResult {
        runs = List.copyOf(runs);
    }

    public Optional<String> nextPage() {
        return Optional.ofNullable(nextPageToken);
    }
}
