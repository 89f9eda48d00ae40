package edu.scrutiny.app.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/**
 * What a rule can test; each is evaluated by the assessment module and yields one piece of evidence
 * per party, hit or country that satisfies it.
 */
public enum Condition {
    /** An institutional directive in force applies to a party or to a party's parent (scope permitting). */
    @JsonProperty("directive") DIRECTIVE,
    /** A party, or an owner of 50% or more, matches an entry of a list in {@code categories} (optionally only when funded by {@code funding_sources}). */
    @JsonProperty("list_hit") LIST_HIT,
    /** A party or one of its owners is in a country on one of {@code country_lists}. */
    @JsonProperty("party_country") PARTY_COUNTRY,
    /** Work happens in a country on one of {@code country_lists}. */
    @JsonProperty("work_country") WORK_COUNTRY,
    /** A sensitive research area, and a party from a country on one of {@code country_lists}. */
    @JsonProperty("sensitive_area_country") SENSITIVE_AREA_COUNTRY,
    /** An organization of one of {@code organization_types} (or of no stated type, with {@code include_unknown_type}) in a country on {@code country_lists}, with no owners named or known. */
    @JsonProperty("unknown_ownership") UNKNOWN_OWNERSHIP,
    /**
     * A party has a listed owner (of a list in {@code categories}, any when none named) that does
     * not make it blocked under the ownership rules, but holds {@code min_share} percent or more of
     * it (directly, or multiplied along a chain), or would block it under a suspended rule.
     */
    @JsonProperty("listed_owner") LISTED_OWNER,
    /** A controller (director, officer, board member...) of a party or of one of its owners is listed (on a list in {@code categories}, any when none named). */
    @JsonProperty("listed_controller") LISTED_CONTROLLER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
