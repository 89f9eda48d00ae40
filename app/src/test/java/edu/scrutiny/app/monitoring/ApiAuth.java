package edu.scrutiny.app.monitoring;

import java.net.http.HttpRequest;

/** Credentials for API calls in this package's tests (none while the API has no sign-in). */
final class ApiAuth {
    private ApiAuth() {
    }

    static void apply(HttpRequest.Builder request) {
    }
}
