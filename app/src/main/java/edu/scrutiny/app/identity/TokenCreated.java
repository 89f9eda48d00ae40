package edu.scrutiny.app.identity;

/** An API token was made (never the token itself). */
public record TokenCreated(long tokenId, String username, String name, String createdBy) {
}
