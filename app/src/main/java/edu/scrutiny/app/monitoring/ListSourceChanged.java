package edu.scrutiny.app.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Published when a list's source is added or replaced, in its transaction.
 *
 * @param before the source it replaced, or null for a new one
 * @param by     who changed it (a user name, {@code command line}, {@code system})
 */
public record ListSourceChanged(@JsonProperty("list") String listKey, ListSourceSettings before, ListSourceSettings after,
                                String by) {
}
