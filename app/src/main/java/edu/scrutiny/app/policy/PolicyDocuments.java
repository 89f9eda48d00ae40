package edu.scrutiny.app.policy;

import edu.scrutiny.app.support.Documents;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.lists.ListCategory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a policy document: every rule has a unique code, a known condition, a tier,
 * dimension scores from 0 to 1, and only the parameters its condition reads, with known values;
 * routing of known stages; and {@code notify_submitter} naming only kinds of alert on an engagement.
 */
public final class PolicyDocuments {
    private static final Set<String> FUNDING_SOURCES = Set.of("dod", "nsf", "nih", "other_federal", "industry",
            "foreign_government", "foundation", "internal", "other");
    private static final Set<String> ORGANIZATION_TYPES = Set.of("company", "university", "research_institute",
            "government", "foundation", "nonprofit", "hospital");
    private static final Set<String> COUNTRY_LISTS = Set.of("elevated_risk", "countries_of_concern");

    private PolicyDocuments() {
    }

    public static PolicyDocument read(String text, String source) {
        JsonNode node = Documents.parseJson(text, source);
        PolicyDocument doc;
        try {
            doc = Documents.JSON.treeToValue(node, PolicyDocument.class);
        } catch (JacksonException e) {
            throw new InvalidInput(source, e.getPathReference() == null ? "" : Documents.path(e), edu.scrutiny.app.support.JsonBodies.problem(e));
        }
        check(doc, source);
        return doc;
    }

    public static void check(PolicyDocument doc, String source) {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        if (doc.rules().isEmpty()) {
            problems.add(new InvalidInput.Problem("rules", "a policy needs at least one rule"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < doc.rules().size(); i++) {
            Rule r = doc.rules().get(i);
            String at = "rules[" + i + "]";
            if (r.code() == null || !r.code().matches("[A-Z][A-Z0-9_]*")) {
                problems.add(new InvalidInput.Problem(at + ".code", "is required: upper case letters, digits and _"));
            } else if (!codes.add(r.code())) {
                problems.add(new InvalidInput.Problem(at + ".code", r.code() + " is used by two rules"));
            }
            if (r.when() == null) {
                problems.add(new InvalidInput.Problem(at + ".when", "is required"));
                continue;
            }
            if (r.tier() == null) {
                problems.add(new InvalidInput.Problem(at + ".tier", "is required: STANDARD, ELEVATED or PROHIBITED"));
            }
            for (Map.Entry<Dimension, Double> d : r.dimensions().entrySet()) {
                if (d.getValue() == null || d.getValue() < 0 || d.getValue() > 1) {
                    problems.add(new InvalidInput.Problem(at + ".dimensions." + d.getKey().key(), "must be a number from 0 to 1"));
                }
            }
            boolean lists = r.when() == Condition.LIST_HIT || r.when() == Condition.LISTED_OWNER || r.when() == Condition.LISTED_CONTROLLER;
            boolean countries = r.when() == Condition.PARTY_COUNTRY || r.when() == Condition.WORK_COUNTRY
                    || r.when() == Condition.SENSITIVE_AREA_COUNTRY || r.when() == Condition.UNKNOWN_OWNERSHIP;
            boolean ownership = r.when() == Condition.UNKNOWN_OWNERSHIP;
            allowed(r.categories(), lists, at + ".categories", r.when(), problems);
            allowed(r.fundingSources(), lists, at + ".funding_sources", r.when(), problems);
            allowed(r.countryLists(), countries, at + ".country_lists", r.when(), problems);
            allowed(r.organizationTypes(), ownership, at + ".organization_types", r.when(), problems);
            if (r.includeUnknownType() != null && !ownership) {
                problems.add(new InvalidInput.Problem(at + ".include_unknown_type", "is not read by condition " + r.when().key()));
            }
            if (r.minShare() != null && r.when() != Condition.LISTED_OWNER) {
                problems.add(new InvalidInput.Problem(at + ".min_share", "is not read by condition " + r.when().key()));
            }
            if (r.when() == Condition.LISTED_OWNER && (r.minShare() == null || r.minShare() <= 0 || r.minShare() > 100)) {
                problems.add(new InvalidInput.Problem(at + ".min_share", "is required for listed_owner: a percentage above 0, at most 100"));
            }
            if (r.when() != Condition.LIST_HIT && !r.fundingSources().isEmpty() && lists) {
                problems.add(new InvalidInput.Problem(at + ".funding_sources", "is not read by condition " + r.when().key()));
            }
            if (r.when() == Condition.LIST_HIT && r.categories().isEmpty()) {
                problems.add(new InvalidInput.Problem(at + ".categories", "is required for list_hit"));
            }
            if (countries && r.countryLists().isEmpty()) {
                problems.add(new InvalidInput.Problem(at + ".country_lists", "is required for " + r.when().key()));
            }
            values(r.categories(), at + ".categories", k -> ListCategory.fromKey(k).isPresent() && k.equals(k.toLowerCase()), "sanctions, denial, export_control, research_security, watchlist", problems);
            values(r.fundingSources(), at + ".funding_sources", FUNDING_SOURCES::contains, String.join(", ", FUNDING_SOURCES.stream().sorted().toList()), problems);
            values(r.countryLists(), at + ".country_lists", COUNTRY_LISTS::contains, "elevated_risk, countries_of_concern", problems);
            values(r.organizationTypes(), at + ".organization_types", ORGANIZATION_TYPES::contains, String.join(", ", ORGANIZATION_TYPES.stream().sorted().toList()), problems);
        }
        doc.reviewEveryMonths().forEach((tier, months) -> {
            if (months == null || months < 1 || months > 120) {
                problems.add(new InvalidInput.Problem("review_every_months." + tier.name(), "must be a number of months from 1 to 120"));
            }
        });
        checkOwnershipRules(doc, problems);
        checkRouting(doc, problems);
        values(doc.notifySubmitter(), "notify_submitter", k -> k != null && PolicyDocument.SUBMITTER_ALERTS.contains(k),
                String.join(", ", PolicyDocument.SUBMITTER_ALERTS), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(source, problems);
        }
    }

    /** Ownership rules: lists or a category (not both), a threshold in percent, dates in order. */
    private static void checkOwnershipRules(PolicyDocument doc, List<InvalidInput.Problem> problems) {
        for (int i = 0; i < doc.ownershipRules().size(); i++) {
            OwnershipRule r = doc.ownershipRules().get(i);
            String at = "ownership_rules[" + i + "]";
            if (r.lists().isEmpty() == (r.category() == null)) {
                problems.add(new InvalidInput.Problem(at, "needs either lists (list keys) or a category, not both"));
            }
            if (r.category() != null && !(ListCategory.fromKey(r.category()).isPresent() && r.category().equals(r.category().toLowerCase()))) {
                problems.add(new InvalidInput.Problem(at + ".category", "'" + r.category() + "' is not one of sanctions, denial, export_control, research_security, watchlist"));
            }
            values(r.lists(), at + ".lists", k -> k != null && k.matches("[a-z0-9_]+"), "list keys (lower case letters, digits and _)", problems);
            if (r.threshold() <= 0 || r.threshold() > 100) {
                problems.add(new InvalidInput.Problem(at + ".threshold", "must be a percentage above 0, at most 100"));
            }
            if (r.from() != null && r.until() != null && !r.until().isAfter(r.from())) {
                problems.add(new InvalidInput.Problem(at + ".until", "must be after from"));
            }
            if (r.suspendedFrom() == null && r.suspendedUntil() != null) {
                problems.add(new InvalidInput.Problem(at + ".suspended_from", "is required when suspended_until is given"));
            }
            if (r.suspendedFrom() != null && r.suspendedUntil() != null && !r.suspendedUntil().isAfter(r.suspendedFrom())) {
                problems.add(new InvalidInput.Problem(at + ".suspended_until", "must be after suspended_from"));
            }
        }
    }

    /** Routing: known stages, each once per tier; PROHIBITED only to analyst_decline; service levels of known stages. */
    private static void checkRouting(PolicyDocument doc, List<InvalidInput.Problem> problems) {
        List<String> stages = PolicyDocument.Routing.STAGES;
        doc.routing().forEach((tier, list) -> {
            String at = "routing." + tier.name();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String s = list.get(i);
                if (!stages.contains(s)) {
                    problems.add(new InvalidInput.Problem(at + "[" + i + "]", "'" + s + "' is not one of " + String.join(", ", stages)));
                } else if (!seen.add(s)) {
                    problems.add(new InvalidInput.Problem(at + "[" + i + "]", s + " is named twice"));
                }
            }
            if (tier == Tier.PROHIBITED && !list.equals(List.of("analyst_decline"))) {
                problems.add(new InvalidInput.Problem(at, "a PROHIBITED case can only be declined: route it to [\"analyst_decline\"]"));
            }
            if (tier == Tier.ELEVATED && list.isEmpty()) {
                problems.add(new InvalidInput.Problem(at, "an ELEVATED case needs at least one stage"));
            }
            if (tier != Tier.PROHIBITED && list.contains("analyst_decline")) {
                problems.add(new InvalidInput.Problem(at, "analyst_decline is for PROHIBITED cases only"));
            }
        });
        if (!doc.routing().isEmpty() && !doc.routing().containsKey(Tier.ELEVATED)) {
            problems.add(new InvalidInput.Problem("routing.ELEVATED", "is required when routing is given"));
        }
        if (doc.routing().isEmpty() && (doc.seniorRiskWhen() != null || !doc.serviceLevels().isEmpty())) {
            problems.add(new InvalidInput.Problem("routing", "is required when senior_risk_when or service_levels is given"));
        }
        doc.serviceLevels().forEach((stage, days) -> {
            if (!stages.contains(stage)) {
                problems.add(new InvalidInput.Problem("service_levels." + stage, "'" + stage + "' is not one of " + String.join(", ", stages)));
            } else if (days == null || days < 1 || days > 365) {
                problems.add(new InvalidInput.Problem("service_levels." + stage, "must be a number of days from 1 to 365"));
            }
        });
        PolicyDocument.SeniorRiskWhen when = doc.seniorRiskWhen();
        if (when != null) {
            if (when.minAmount() != null && when.minAmount().signum() < 0) {
                problems.add(new InvalidInput.Problem("senior_risk_when.min_amount", "must not be negative"));
            }
            values(when.categories(), "senior_risk_when.categories", k -> ListCategory.fromKey(k).isPresent() && k.equals(k.toLowerCase()),
                    "sanctions, denial, export_control, research_security, watchlist", problems);
        }
    }

    private static void allowed(List<String> values, boolean read, String field, Condition when, List<InvalidInput.Problem> problems) {
        if (!values.isEmpty() && !read) {
            problems.add(new InvalidInput.Problem(field, "is not read by condition " + when.key()));
        }
    }

    private static void values(List<String> values, String field, java.util.function.Predicate<String> ok, String expected,
                               List<InvalidInput.Problem> problems) {
        for (int i = 0; i < values.size(); i++) {
            if (!ok.test(values.get(i))) {
                problems.add(new InvalidInput.Problem(field + "[" + i + "]", "'" + values.get(i) + "' is not one of " + expected));
            }
        }
    }
}
