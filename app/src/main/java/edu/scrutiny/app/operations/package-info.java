/**
 * Running Scrutiny as a service: health (liveness, readiness, the age of each list against its
 * source's period), Prometheus metrics named {@code scrutiny_*}, one log line per request with its
 * correlation id ({@code X-Request-Id}), and backup and restore of an embedded data directory. It
 * reads the other modules through their facades and events; none depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package edu.scrutiny.app.operations;
