package edu.scrutiny.app.identity;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** An API token as stored: never the token itself, which is shown once when it is made. */
public record ApiToken(long id, String username, String name, @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("last_used_at") Instant lastUsedAt, @JsonProperty("revoked_at") Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
