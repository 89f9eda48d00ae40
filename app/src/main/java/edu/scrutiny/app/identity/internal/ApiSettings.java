package edu.scrutiny.app.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code scrutiny.api.*}: how scripts may sign in to the REST API.
 *
 * @param basicAuth whether HTTP Basic (a local account's name and password) is accepted on {@code /api/**}. Off by
 *                  default: a browser caches Basic credentials and sends them with any request a cross-site page
 *                  makes, which would let that page act as the user; API tokens are never sent by a browser on its own.
 */
@ConfigurationProperties("scrutiny.api")
public record ApiSettings(@DefaultValue("false") boolean basicAuth) {
}
