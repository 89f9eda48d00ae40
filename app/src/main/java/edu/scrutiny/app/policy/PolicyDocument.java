package edu.scrutiny.app.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy's content as administrators write it (JSON): a description, the rules, how often
 * an engagement of each tier comes due for re-review (months; a tier not named is not re-reviewed),
 * and how cases are routed for review: the stages of each tier ({@code routing}), when the senior
 * risk group joins an ELEVATED case ({@code senior_risk_when}), and each stage's service level in
 * days ({@code service_levels}). A document without {@code routing} routes as {@link Routing#DEFAULT}.
 * {@code notify_submitter} names the kinds of monitoring alert on an engagement that its submitter
 * is told of too (in words that disclose no list entry, score or note); none when absent.
 */
public record PolicyDocument(String description, List<Rule> rules,
                             @JsonProperty("review_every_months") Map<Tier, Integer> reviewEveryMonths,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<Tier, List<String>> routing,
                             @JsonProperty("senior_risk_when") @JsonInclude(JsonInclude.Include.NON_NULL) SeniorRiskWhen seniorRiskWhen,
                             @JsonProperty("service_levels") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Integer> serviceLevels,
                             @JsonProperty("notify_submitter") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notifySubmitter,
                             @JsonProperty("ownership_rules") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<OwnershipRule> ownershipRules) {
    /**
     * The kinds of alert {@code notify_submitter} may name: monitoring's alerts about one engagement
     * (the names of {@code edu.scrutiny.app.monitoring.AlertKind}'s, kept here so that the policy
     * does not depend on monitoring; a test checks they agree).
     */
    public static final List<String> SUBMITTER_ALERTS = List.of("NEW_HIT", "HIT_CLOSED", "TIER_CHANGED", "REVIEW_DUE");

    public PolicyDocument {
        rules = rules == null ? List.of() : List.copyOf(rules);
        reviewEveryMonths = reviewEveryMonths == null ? Map.of() : Map.copyOf(reviewEveryMonths);
        if (routing == null) {
            routing = Map.of();
        } else {
            Map<Tier, List<String>> copy = new LinkedHashMap<>();
            routing.forEach((k, v) -> copy.put(k, v == null ? List.of() : List.copyOf(v)));
            routing = java.util.Collections.unmodifiableMap(copy);
        }
        serviceLevels = serviceLevels == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(serviceLevels));
        notifySubmitter = notifySubmitter == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(notifySubmitter));
        ownershipRules = ownershipRules == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(ownershipRules));
    }

    public PolicyDocument(String description, List<Rule> rules, Map<Tier, Integer> reviewEveryMonths) {
        this(description, rules, reviewEveryMonths, null, null, null, null, null);
    }

    public PolicyDocument(String description, List<Rule> rules) {
        this(description, rules, Map.of());
    }

    /** The same document with other routing (stages per tier, senior-risk condition, service levels). */
    public PolicyDocument withRouting(Map<Tier, List<String>> routing, SeniorRiskWhen seniorRiskWhen, Map<String, Integer> serviceLevels) {
        return new PolicyDocument(description, rules, reviewEveryMonths, routing, seniorRiskWhen, serviceLevels, notifySubmitter, ownershipRules);
    }

    /** The same document telling the submitter of these kinds of alert. */
    public PolicyDocument withNotifySubmitter(List<String> kinds) {
        return new PolicyDocument(description, rules, reviewEveryMonths, routing, seniorRiskWhen, serviceLevels, kinds, ownershipRules);
    }

    /** The same document with these ownership rules. */
    public PolicyDocument withOwnershipRules(List<OwnershipRule> rules) {
        return new PolicyDocument(description, this.rules, reviewEveryMonths, routing, seniorRiskWhen, serviceLevels, notifySubmitter, rules);
    }

    /**
     * The ownership rule that applies to a list on a date: of the rules in force then, one naming
     * the list, else one covering its category (a rule naming lists is more specific); among
     * several, the one in force from the latest date. Empty when none: ownership then blocks nothing.
     */
    public java.util.Optional<OwnershipRule> ownershipRuleFor(String listKey, String category, java.time.LocalDate date) {
        java.util.Comparator<OwnershipRule> latest = java.util.Comparator.comparing(r -> r.from() == null ? java.time.LocalDate.MIN : r.from());
        java.util.Optional<OwnershipRule> named = ownershipRules.stream().filter(r -> r.inForceOn(date) && r.namesList(listKey)).max(latest);
        return named.isPresent() ? named
                : ownershipRules.stream().filter(r -> r.inForceOn(date) && r.coversCategory(category)).max(latest);
    }

    /** Whether the submitter of an engagement is told of an alert of this kind (an alert kind's name) on it. */
    public boolean notifiesSubmitterOf(String alertKind) {
        return notifySubmitter.contains(alertKind);
    }

    /** The routing this document says, or the default where it says none. */
    public Routing effectiveRouting() {
        if (routing.isEmpty()) {
            return Routing.DEFAULT;
        }
        Map<String, Integer> levels = new LinkedHashMap<>(Routing.DEFAULT.serviceLevels());
        levels.putAll(serviceLevels);
        return new Routing(routing, seniorRiskWhen, levels);
    }

    /**
     * When an ELEVATED case also goes to the senior risk group: any one condition that holds suffices.
     *
     * @param minAmount          the funding amount (in any currency, as stated) from which it goes
     * @param categories         list categories of a hit (counted, or cleared as a false positive) that send it
     * @param countriesOfConcern whether a party, an owner or a work country on the countries-of-concern list sends it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SeniorRiskWhen(@JsonProperty("min_amount") java.math.BigDecimal minAmount,
                                 List<String> categories,
                                 @JsonProperty("countries_of_concern") Boolean countriesOfConcern) {
        public SeniorRiskWhen {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /** The review routing in force: stages per tier, the senior-risk condition, and service levels in days. */
    public record Routing(Map<Tier, List<String>> stages, SeniorRiskWhen seniorRiskWhen, Map<String, Integer> serviceLevels) {
        /** The stages a case can pass through, in order. */
        public static final List<String> STAGES = List.of("analyst_decline", "compliance_review", "faculty_committee", "senior_risk_group");

        public static final Routing DEFAULT = new Routing(
                Map.of(Tier.PROHIBITED, List.of("analyst_decline"),
                        Tier.ELEVATED, List.of("compliance_review", "faculty_committee"),
                        Tier.STANDARD, List.of()),
                new SeniorRiskWhen(new java.math.BigDecimal("5000000"), List.of("sanctions"), true),
                Map.of("analyst_decline", 3, "compliance_review", 5, "faculty_committee", 15, "senior_risk_group", 10));

        public List<String> stagesFor(Tier tier) {
            return stages.getOrDefault(tier, List.of());
        }

        public int serviceLevelDays(String stage) {
            return serviceLevels.getOrDefault(stage, DEFAULT.serviceLevels().getOrDefault(stage, 5));
        }
    }
}
