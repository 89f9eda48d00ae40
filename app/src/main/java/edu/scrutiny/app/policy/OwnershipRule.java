package edu.scrutiny.app.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.List;

/**
 * When an entity owned by listed parties is itself treated as listed: for the lists named (or
 * every list of a category), an entity whose listed owners hold {@code threshold} percent or more
 * ({@code inclusive}) or more than it (not inclusive) is blocked; with {@code aggregate} the shares
 * of several listed owners add up, with {@code indirect} an owner blocked this way counts as
 * listed for the entities it owns. In force from {@code from} (inclusive) until {@code until}
 * (exclusive), either open; while suspended ({@code suspended_from} until {@code suspended_until})
 * it blocks nothing and a listed majority owner is a red flag instead. {@code source} cites the
 * regulation. Absent parameters take the OFAC 50 Percent Rule's values.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OwnershipRule(
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> lists,
        String category,
        Double threshold,
        Boolean inclusive,
        Boolean aggregate,
        Boolean indirect,
        LocalDate from,
        LocalDate until,
        @JsonProperty("suspended_from") LocalDate suspendedFrom,
        @JsonProperty("suspended_until") LocalDate suspendedUntil,
        String source) {

    public OwnershipRule {
        lists = lists == null ? List.of() : List.copyOf(lists);
        threshold = threshold == null ? 50.0 : threshold;
        inclusive = inclusive == null || inclusive;
        aggregate = aggregate == null || aggregate;
        indirect = indirect == null || indirect;
    }

    /** Whether the rule is in force on a date (suspended or not). */
    public boolean inForceOn(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (until == null || date.isBefore(until));
    }

    /** Whether the rule is suspended on a date: in force, but blocking nothing. */
    public boolean suspendedOn(LocalDate date) {
        return suspendedFrom != null && !date.isBefore(suspendedFrom) && (suspendedUntil == null || date.isBefore(suspendedUntil));
    }

    /** Whether it names this list, or (naming none) its category. */
    public boolean namesList(String listKey) {
        return lists.contains(listKey);
    }

    public boolean coversCategory(String listCategory) {
        return lists.isEmpty() && category != null && category.equals(listCategory);
    }

    /** The dates on which what the rule does changes: where re-assessments are due. */
    public List<LocalDate> changeDates() {
        return java.util.stream.Stream.of(from, until, suspendedFrom, suspendedUntil).filter(java.util.Objects::nonNull).toList();
    }

    /** How the rule reads in a reason, e.g. "at least 50% in the aggregate, directly or indirectly (OFAC ...)". */
    public String describe() {
        return (inclusive ? "at least " : "more than ") + fmt(threshold) + "%"
                + (aggregate ? " in the aggregate" : " by a single owner") + (indirect ? ", directly or indirectly" : ", directly")
                + (source == null ? "" : " (" + source + ")");
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
