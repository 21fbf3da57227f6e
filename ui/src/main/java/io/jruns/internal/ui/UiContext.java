package io.jruns.internal.ui;

import io.jruns.TrackingClient;

/**
 * What every page and API handler shares: the store's client, the CSRF token pages embed in
 * their forms, and the server's root URL ({@code http://127.0.0.1:PORT/}).
 */
public record UiContext(TrackingClient client, String csrf, String root) {
}
