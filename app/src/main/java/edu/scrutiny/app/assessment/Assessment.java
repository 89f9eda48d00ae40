package edu.scrutiny.app.assessment;

import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.app.policy.Tier;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The result of assessing an engagement.
 *
 * @param tier          STANDARD, ELEVATED or PROHIBITED
 * @param policyVersion the policy version whose rules were applied
 * @param asOf          the date the lists, directives and country lists were taken as of
 * @param dimensions    each dimension (ip, data_security, national_security, export_control, sanctions, reputation) from 0 to 1
 * @param reasons       one per rule and piece of evidence that fired
 * @param hits          the list hits that count (cleared false positives left out)
 * @param clearedHits   hits analysts cleared as false positives, shown but not counted
 * @param directives    the directives that apply
 * @param listVersions  the list versions screened against
 * @param ownership     each party's ownership tree as assessed (empty in assessments made before ownership trees)
 */
public record Assessment(
        Tier tier,
        @JsonProperty("policy_version") int policyVersion,
        @JsonProperty("as_of") LocalDate asOf,
        Map<String, Double> dimensions,
        List<Reason> reasons,
        List<AssessedHit> hits,
        @JsonProperty("cleared_hits") List<AssessedHit> clearedHits,
        List<AppliedDirective> directives,
        @JsonProperty("list_versions") List<ListVersionUsed> listVersions,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) List<OwnershipTree> ownership) {

    public Assessment {
        ownership = ownership == null ? List.of() : List.copyOf(ownership);
    }

    /** A rule that fired, on one piece of evidence. */
    public record Reason(String code, String dimension, Tier tier, String detail, String evidence) {
    }

    /** A directive that applies, and to which party (directly or as a subsidiary). */
    public record AppliedDirective(String id, String title, String party, String via) {
    }

    /** A list version screened against. */
    public record ListVersionUsed(String list, @JsonProperty("version_id") long versionId,
                                  @JsonProperty("effective_from") LocalDate effectiveFrom, String sha256) {
    }
}
