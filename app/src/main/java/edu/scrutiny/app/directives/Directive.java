package edu.scrutiny.app.directives;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A directive.
 *
 * @param counterparties      the names it concerns, as an analyst would search them
 * @param includeSubsidiaries whether it reaches every entity whose ownership chain leads to a counterparty
 * @param scope               which engagements it stops: new ones, renewals, gifts
 * @param appliesToExisting   whether engagements that already exist are stopped too (default: they continue)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Directive(
        String id,
        String title,
        List<String> counterparties,
        @JsonProperty("include_subsidiaries") boolean includeSubsidiaries,
        Set<Scope> scope,
        @JsonProperty("effective_from") LocalDate effectiveFrom,
        @JsonProperty("revisit_by") LocalDate revisitBy,
        String reason,
        @JsonProperty("applies_to_existing") boolean appliesToExisting) {

    public Directive {
        counterparties = List.copyOf(counterparties);
        scope = Set.copyOf(scope);
    }

    /** Whether the directive is in force on a date. */
    public boolean inForceOn(LocalDate date) {
        return !effectiveFrom.isAfter(date);
    }

    public enum Scope {
        @JsonProperty("new") NEW,
        @JsonProperty("renewal") RENEWAL,
        @JsonProperty("gift") GIFT;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
