package edu.scrutiny.app.assessment;

import edu.scrutiny.app.assessment.internal.DirectiveMatcher;
import edu.scrutiny.app.assessment.internal.RorBridges;
import edu.scrutiny.app.institutions.Institutions;
import edu.scrutiny.app.directives.Directive;
import edu.scrutiny.app.directives.Directives;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.policy.Dimension;
import edu.scrutiny.app.policy.Policies;
import edu.scrutiny.app.policy.Policy;
import edu.scrutiny.app.policy.PolicyDocument;
import edu.scrutiny.app.policy.Rule;
import edu.scrutiny.app.policy.Tier;
import edu.scrutiny.app.reference.CountryList;
import edu.scrutiny.app.reference.CountryLists;
import edu.scrutiny.app.reference.ResearchArea;
import edu.scrutiny.app.reference.ResearchAreas;
import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.screening.NameScreenings;
import edu.scrutiny.app.screening.HitClearances;
import edu.scrutiny.app.screening.Screening;
import edu.scrutiny.app.screening.ScreeningSnapshot;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Assesses an engagement as of a date: gathers the evidence, then applies each rule of the current
 * policy to it. Every rule that fires gives one reason per piece of evidence; the tier is the
 * highest any rule gives (STANDARD when none fires) and each dimension the highest score any fired
 * rule gives it.
 */
@Service
public class Assessor {
    private final Screening screening;
    private final HitClearances clearances;
    private final Directives directives;
    private final CountryLists countryLists;
    private final ResearchAreas researchAreas;
    private final Policies policies;
    private final RorBridges rorBridges;

    Assessor(Screening screening, HitClearances clearances, Directives directives, CountryLists countryLists,
             ResearchAreas researchAreas, Policies policies, Institutions institutions) {
        this.rorBridges = new RorBridges(institutions);
        this.screening = screening;
        this.clearances = clearances;
        this.directives = directives;
        this.countryLists = countryLists;
        this.researchAreas = researchAreas;
        this.policies = policies;
    }

    /**
     * Assesses a proposal with the current policy as of the given date (the engagement's submission
     * date when null), as if it were proposed on that date: every directive in force applies.
     */
    public Assessment assess(Engagement engagement, LocalDate asOf) {
        LocalDate date = asOf == null ? engagement.submittedOn() : asOf;
        return assess(engagement, date, policies.current(), NameScreenings.each(screening.snapshot(), date));
    }

    /**
     * Re-assesses an engagement that exists, as of a later date: directives that took effect after it
     * was submitted reach it only if they say so ({@code applies_to_existing}), since existing
     * engagements continue unless a directive says otherwise.
     */
    public Assessment reassess(Engagement engagement, LocalDate asOf) {
        LocalDate date = asOf == null ? engagement.submittedOn() : asOf;
        return assess(engagement, engagement.submittedOn(), policies.current(), NameScreenings.each(screening.snapshot(), date));
    }

    /**
     * As {@link #reassess(Engagement, LocalDate)}, against the snapshot and as of the date of {@code screenings},
     * which screen the engagement's names (a delta re-screening's, which may have screened some of them already).
     */
    public Assessment reassess(Engagement engagement, NameScreenings screenings) {
        return assess(engagement, engagement.submittedOn(), policies.current(), screenings);
    }

    private Assessment assess(Engagement engagement, LocalDate proposedOn, Policy policy, NameScreenings screenings) {
        ScreeningSnapshot lists = screenings.lists();
        LocalDate date = screenings.asOf();
        Map<String, CountryList> countries = new LinkedHashMap<>();
        for (CountryList l : countryLists.currentAll()) {
            countries.put(l.key(), l);
        }
        Evidence evidence = gather(engagement, proposedOn, screenings, policy.document());

        Tier tier = Tier.STANDARD;
        Map<Dimension, Double> dims = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            dims.put(d, 0.0);
        }
        List<Assessment.Reason> reasons = new ArrayList<>();
        for (Rule rule : policy.document().rules()) {
            List<String[]> fired = fire(rule, engagement, evidence, countries);
            if (fired.isEmpty()) {
                continue;
            }
            tier = tier.max(rule.tier());
            rule.dimensions().forEach((d, score) -> dims.merge(d, score, Math::max));
            String dimension = rule.dimensions().entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(e -> e.getKey().key()).orElse("");
            for (String[] f : fired) {
                // a hit through ownership fires the list's rule under its own code, so that it reads as what it is
                String code = f.length > 2 ? f[2] : rule.code();
                reasons.add(new Assessment.Reason(code, dimension, rule.tier(), f[0], f[1]));
            }
        }
        Map<String, Double> dimensions = new LinkedHashMap<>();
        dims.forEach((d, v) -> dimensions.put(d.key(), v));
        List<Assessment.ListVersionUsed> used = lists.versionsInForce(date).stream()
                .map(v -> new Assessment.ListVersionUsed(v.listKey(), v.id(), v.effectiveFrom(), v.sha256())).toList();
        return new Assessment(tier, policy.version(), date, dimensions, reasons, evidence.hits, evidence.cleared,
                evidence.directives, used, evidence.ownership.trees);
    }

    /** What the rules are applied to. */
    private static final class Evidence {
        final List<AssessedHit> hits = new ArrayList<>();
        final List<AssessedHit> cleared = new ArrayList<>();
        final List<Assessment.AppliedDirective> directives = new ArrayList<>();
        OwnershipEvidence ownership;
    }

    private Evidence gather(Engagement engagement, LocalDate proposedOn, NameScreenings screenings, PolicyDocument policy) {
        ScreeningSnapshot lists = screenings.lists();
        LocalDate date = screenings.asOf();
        Evidence ev = new Evidence();
        Set<Directive.Scope> scopes = EnumSet.of(engagement.renewal() ? Directive.Scope.RENEWAL : Directive.Scope.NEW);
        if (engagement.type() == Engagement.Type.GIFT) {
            scopes.add(Directive.Scope.GIFT);
        }
        List<Directive> applicable = directives.inForceOn(date).stream()
                .filter(d -> d.scope().stream().anyMatch(scopes::contains))
                .filter(d -> d.appliesToExisting() || !d.effectiveFrom().isAfter(proposedOn))
                .toList();
        DirectiveMatcher matcher = matcherFor(applicable);
        Set<String> seenHits = new HashSet<>();

        Map<String, List<Hit>> partyHits = new LinkedHashMap<>();
        for (Engagement.Party party : engagement.parties()) {
            boolean person = party.kind() == Engagement.Kind.PERSON;
            List<Hit> own = screenings.screen(party.name(), person, party.country());
            partyHits.put(party.name(), own);
            for (Hit h : own) {
                add(ev, seenHits, AssessedHit.of(party.name(), h, null, null), h);
            }
            // after the party's own name, so that a direct hit on an entry is the one counted
            for (Hit h : rorBridges.hits(party, lists, date)) {
                add(ev, seenHits, AssessedHit.of(party.name(), h, null, null), h);
            }
            matcher.first(party.name()).ifPresent(m -> ev.directives.add(
                    new Assessment.AppliedDirective(m.directive().id(), m.directive().title(), party.name(), null)));
        }
        ev.ownership = OwnershipEvidence.of(engagement, policy, screenings, matcher, h -> !clearances.isCleared(h), partyHits);
        for (AssessedHit h : ev.ownership.blockingHits) {
            String key = h.party() + '\u0000' + h.list() + '\u0000' + h.sourceId();
            if (seenHits.add(key)) {
                ev.hits.add(h);
            }
        }
        for (Assessment.AppliedDirective d : ev.ownership.subsidiaryDirectives) {
            if (ev.directives.stream().noneMatch(x -> x.id().equals(d.id()) && x.party().equals(d.party()))) {
                ev.directives.add(d);
            }
        }
        return ev;
    }

    /** The last matcher built and the directives it holds: directives rarely change, assessments are many. */
    private volatile Map.Entry<List<Directive>, DirectiveMatcher> lastMatcher;

    private DirectiveMatcher matcherFor(List<Directive> applicable) {
        Map.Entry<List<Directive>, DirectiveMatcher> last = lastMatcher;
        if (last != null && last.getKey().equals(applicable)) {
            return last.getValue();
        }
        DirectiveMatcher matcher = new DirectiveMatcher(applicable);
        lastMatcher = Map.entry(applicable, matcher);
        return matcher;
    }

    private void add(Evidence ev, Set<String> seen, AssessedHit hit, Hit raw) {
        String key = hit.party() + '\u0000' + hit.list() + '\u0000' + hit.sourceId();
        if (!seen.add(key)) {
            return;
        }
        if (clearances.isCleared(raw)) {
            ev.cleared.add(hit);
        } else {
            ev.hits.add(hit);
        }
    }

    /**
     * The evidence a rule fires on, each as {detail, evidence} or {detail, evidence, code} where the
     * reason takes another code than the rule's ({@code OWNED_BY_LISTED}); empty when it does not fire.
     */
    private List<String[]> fire(Rule rule, Engagement e, Evidence ev, Map<String, CountryList> countries) {
        List<String[]> out = new ArrayList<>();
        switch (rule.when()) {
            case DIRECTIVE -> {
                for (Assessment.AppliedDirective d : ev.directives) {
                    out.add(new String[] {
                            "Directive " + d.id() + " (" + d.title() + ") applies to " + d.party()
                                    + (d.via() == null ? "" : " as a subsidiary: " + d.via()),
                            "directive " + d.id()});
                }
            }
            case LIST_HIT -> {
                if (!rule.fundingSources().isEmpty() && !rule.fundingSources().contains(e.funding().source().key())) {
                    break;
                }
                for (AssessedHit h : ev.hits) {
                    if (rule.categories().contains(h.category())) {
                        String funded = rule.fundingSources().isEmpty() ? "" : "; the work is funded by " + e.funding().source().key();
                        String detail = h.ownership() == null
                                ? h.party() + " matches " + h.entityName() + " on " + h.list() + " (" + h.category() + ")" + funded
                                : h.party() + " is treated as listed on " + h.list() + " (" + h.category() + ") because "
                                        + h.screenedName() + " matches " + h.entityName() + "; " + h.via() + funded;
                        out.add(h.ownership() == null ? new String[] {detail, hitEvidence(h)}
                                : new String[] {detail + " (by rule " + rule.code() + ")", hitEvidence(h), "OWNED_BY_LISTED"});
                    }
                }
            }
            case LISTED_OWNER -> {
                for (OwnershipEvidence.ListedOwner o : ev.ownership.listedOwners) {
                    AssessedHit h = o.hit();
                    boolean category = rule.categories().isEmpty() || rule.categories().contains(h.category());
                    if (category && (o.suspendedRule() != null || o.share() >= rule.minShare() - 1e-9)) {
                        out.add(new String[] {
                                o.party() + " has a listed owner, " + h.screenedName() + " (" + h.list() + ", " + h.category() + "), "
                                        + (o.suspendedRule() != null
                                        ? "that would make it treated as listed but the rule is suspended on this date: " + h.via()
                                        : "holding " + pct(o.share()) + ", at least " + pct(rule.minShare()) + " but not blocking: " + h.via()),
                                hitEvidence(h)});
                    }
                }
            }
            case LISTED_CONTROLLER -> {
                for (OwnershipEvidence.ListedController c : ev.ownership.listedControllers) {
                    AssessedHit h = c.hit();
                    if (rule.categories().isEmpty() || rule.categories().contains(h.category())) {
                        out.add(new String[] {
                                c.controller().name() + " (" + c.controller().role().key() + " of " + c.of() + ") matches "
                                        + h.entityName() + " on " + h.list() + " (" + h.category() + ")",
                                hitEvidence(h)});
                    }
                }
            }
            case PARTY_COUNTRY -> {
                for (Engagement.Party p : e.parties()) {
                    onLists(p.country(), rule, countries).ifPresent(why -> out.add(new String[] {
                            p.name() + " (" + roleWord(p) + ") is in " + p.country() + ": " + why, "parties: " + p.name() + ", country " + p.country()}));
                    for (String[] oc : ev.ownership.ownerCountries.getOrDefault(p.name(), List.of())) {
                        if (!oc[1].equals(p.country())) {
                            onLists(oc[1], rule, countries).ifPresent(why -> out.add(new String[] {
                                    p.name() + " has an owner, " + oc[0] + ", in " + oc[1] + ": " + why,
                                    "parties: " + p.name() + ", owner " + oc[0] + ", country " + oc[1]}));
                        }
                    }
                }
            }
            case WORK_COUNTRY -> {
                for (String c : e.workCountries()) {
                    onLists(c, rule, countries).ifPresent(why -> out.add(new String[] {"Work happens in " + c + ": " + why, "work_countries: " + c}));
                }
            }
            case SENSITIVE_AREA_COUNTRY -> {
                List<ResearchArea> sensitive = e.researchAreas().stream().map(researchAreas::find).flatMap(Optional::stream)
                        .filter(ResearchArea::sensitive).toList();
                if (sensitive.isEmpty()) {
                    break;
                }
                String areas = String.join(", ", sensitive.stream().map(a -> a.name() + " (" + a.code() + ")").toList());
                for (Engagement.Party p : e.parties()) {
                    onLists(p.country(), rule, countries).ifPresent(why -> out.add(new String[] {
                            "Sensitive research area " + areas + " with " + p.name() + " from " + p.country(),
                            "research_areas: " + String.join(", ", sensitive.stream().map(ResearchArea::code).toList())
                                    + "; parties: " + p.name() + ", country " + p.country()}));
                }
            }
            case UNKNOWN_OWNERSHIP -> {
                for (Engagement.Party p : e.parties()) {
                    if (p.kind() != Engagement.Kind.ORGANIZATION || ev.ownership.ownershipKnown.getOrDefault(p.name(), false)) {
                        continue;
                    }
                    boolean typed = p.organizationType() != null && rule.organizationTypes().contains(p.organizationType().key());
                    boolean untyped = p.organizationType() == null && rule.unknownTypeIncluded();
                    if (typed || untyped) {
                        onLists(p.country(), rule, countries).ifPresent(why -> out.add(new String[] {
                                p.name() + " (" + (p.organizationType() == null ? "organization of unstated type" : p.organizationType().key())
                                        + ") is in " + p.country() + " and no owners are named or known",
                                "parties: " + p.name() + ", owners: none named; lists: no known parent"}));
                    }
                }
            }
        }
        return out;
    }

    private static String hitEvidence(AssessedHit h) {
        return String.format(Locale.ROOT, "%s #%s \"%s\" matched \"%s\" score %.2f%s", h.list(), h.sourceId(),
                h.entityName(), h.matchedName(), h.score(), h.listedOn() == null ? "" : ", listed " + h.listedOn());
    }

    /** Why a country is on one of the rule's country lists, or empty. */
    private static Optional<String> onLists(String country, Rule rule, Map<String, CountryList> countries) {
        if (country == null) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        for (String key : rule.countryLists()) {
            CountryList l = countries.get(key);
            if (l != null) {
                l.find(country).ifPresent(c -> why.add(key + " v" + l.version() + " (" + c.reason() + ")"));
            }
        }
        return why.isEmpty() ? Optional.empty() : Optional.of("on " + String.join(" and ", why));
    }

    private static String roleWord(Engagement.Party p) {
        return switch (p.role()) {
            case SPONSOR, DONOR -> p.role().key() + ", a funder";
            default -> p.role().key();
        };
    }

    private static String pct(Double share) {
        return share == null ? "?" : String.format(Locale.ROOT, "%.0f%%", share);
    }
}
