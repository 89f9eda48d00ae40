package edu.scrutiny.app.identity;

/** An API token was revoked. */
public record TokenRevoked(long tokenId, String username, String revokedBy) {
}
