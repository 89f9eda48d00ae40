package edu.scrutiny.app.lists;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A list with its current version (the one with the latest effective date). */
public record ListSummary(@JsonProperty("list") String listKey, String category, boolean enabled, int versions,
                          @JsonProperty("current_version") StoredListVersion current) {
}
