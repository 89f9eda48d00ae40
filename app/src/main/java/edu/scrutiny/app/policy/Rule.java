package edu.scrutiny.app.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * One rule of the policy: when its condition holds, the engagement is at least {@code tier}, and
 * each dimension named is scored at least its value. Parameters a condition does not read are
 * rejected when the policy is checked.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Rule(
        String code,
        Condition when,
        Tier tier,
        Map<Dimension, Double> dimensions,
        String description,
        List<String> categories,
        @JsonProperty("funding_sources") List<String> fundingSources,
        @JsonProperty("country_lists") List<String> countryLists,
        @JsonProperty("organization_types") List<String> organizationTypes,
        @JsonProperty("include_unknown_type") Boolean includeUnknownType,
        @JsonProperty("min_share") Double minShare) {

    public Rule(String code, Condition when, Tier tier, Map<Dimension, Double> dimensions, String description,
                List<String> categories, List<String> fundingSources, List<String> countryLists,
                List<String> organizationTypes, Boolean includeUnknownType) {
        this(code, when, tier, dimensions, description, categories, fundingSources, countryLists, organizationTypes,
                includeUnknownType, null);
    }

    public Rule {
        dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
        categories = categories == null ? List.of() : List.copyOf(categories);
        fundingSources = fundingSources == null ? List.of() : List.copyOf(fundingSources);
        countryLists = countryLists == null ? List.of() : List.copyOf(countryLists);
        organizationTypes = organizationTypes == null ? List.of() : List.copyOf(organizationTypes);
    }

    public boolean unknownTypeIncluded() {
        return Boolean.TRUE.equals(includeUnknownType);
    }
}
