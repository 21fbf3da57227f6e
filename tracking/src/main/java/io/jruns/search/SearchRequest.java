package io.jruns.search;

import io.jruns.domain.JrunsException;
import io.jruns.domain.ViewType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A run search, as MLflow's runs/search takes it: experiments, a filter in the jruns filter
 * language, the lifecycle state, order keys (each "field [ASC|DESC]", or several separated
 * by commas), a page size and the token of the page to fetch.
 */
public record SearchRequest(
        List<String> experimentIds,
        String filter,
        ViewType viewType,
        List<String> orderBy,
        int maxResults,
        String pageToken) {

    /** MLflow's default page size. */
    public static final int DEFAULT_MAX_RESULTS = 1000;
    /** MLflow's largest page. */
    public static final int MAX_RESULTS_LIMIT = 50_000;

    public SearchRequest {
        if (experimentIds == null || experimentIds.isEmpty()) {
            throw JrunsException.invalid("a search needs at least one experiment id");
        }
        experimentIds = List.copyOf(experimentIds);
        filter = filter == null ? "" : filter;
        viewType = viewType == null ? ViewType.ACTIVE_ONLY : viewType;
        orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
        if (maxResults < 1 || maxResults > MAX_RESULTS_LIMIT) {
            throw JrunsException.invalid("max results must be between 1 and 50,000, got " + maxResults);
        }
        if (pageToken != null && pageToken.isBlank()) pageToken = null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same search at another page. */
    public SearchRequest withPageToken(String token) {
        return new SearchRequest(experimentIds, filter, viewType, orderBy, maxResults, token);
    }

    public static final class Builder {
        private final List<String> experimentIds = new ArrayList<>();
        private String filter = "";
        private ViewType viewType = ViewType.ACTIVE_ONLY;
        private final List<String> orderBy = new ArrayList<>();
        private int maxResults = DEFAULT_MAX_RESULTS;
        private String pageToken;

        private Builder() {
        }

        public Builder experiments(String... ids) {
            experimentIds.addAll(Arrays.asList(ids));
            return this;
        }

        public Builder experiments(List<String> ids) {
            experimentIds.addAll(ids);
            return this;
        }

        public Builder filter(String filter) {
            this.filter = filter;
            return this;
        }

        public Builder viewType(ViewType viewType) {
            this.viewType = viewType;
            return this;
        }

        /** Adds order keys, e.g. {@code "metrics.loss DESC"} or {@code "params.a, start_time DESC"}. */
        public Builder orderBy(String... keys) {
            orderBy.addAll(Arrays.asList(keys));
            return this;
        }

        public Builder maxResults(int maxResults) {
            this.maxResults = maxResults;
            return this;
        }

        public Builder pageToken(String pageToken) {
            this.pageToken = pageToken;
            return this;
        }

        /** The request; a filter or order that does not parse fails here, with its column. */
        public SearchRequest build() {
            SearchRequest r = new SearchRequest(experimentIds, filter, viewType, orderBy, maxResults, pageToken);
            SearchPlan.of(r);
            return r;
        }
    }
}
