package edu.scrutiny.app.notification;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * A notification in the application.
 *
 * @param recipient a user name, or {@code role:analyst} for every user with that role
 * @param link      where in the application (an API path) it concerns, or null
 * @param readAt    when the recipient marked it read, or null
 */
public record Notification(long id, String recipient, String subject, String body, String link,
                           @JsonProperty("created_at") Instant createdAt, @JsonProperty("read_at") Instant readAt) {
}
