package edu.scrutiny.app.identity;

import java.util.Locale;
import java.util.Optional;

/** What a user may do (PRODUCT.md, "Who uses it"). A user may hold several roles. */
public enum Role {
    /** Proposes engagements, answers questions, sees only their own. */
    SUBMITTER,
    /** Triages, adjudicates hits, assesses, recommends; maintains lists, directives and policy. */
    ANALYST,
    /** Faculty committee or senior risk group: reviews the cases routed to them, decides. */
    REVIEWER,
    /** Users, roles, configuration. */
    ADMINISTRATOR,
    /** Reads everything, changes nothing. */
    AUDITOR,
    /** A monitoring system's account: scrapes the metrics ({@code /actuator/prometheus}) and sees health details; reads no case, engagement or list. */
    MONITOR;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromKey(String key) {
        for (Role r : values()) {
            if (r.key().equalsIgnoreCase(key == null ? "" : key.trim())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
