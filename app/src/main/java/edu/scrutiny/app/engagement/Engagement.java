package edu.scrutiny.app.engagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An engagement as submitted; field names follow the engagement JSON schema
 * ({@code schemas/engagement.schema.json}). Read with {@link EngagementDocuments#read}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Engagement(
        String title,
        String description,
        Type type,
        boolean renewal,
        String renews,
        @JsonProperty("submitted_on") LocalDate submittedOn,
        @JsonProperty("starts_on") LocalDate startsOn,
        @JsonProperty("ends_on") LocalDate endsOn,
        String department,
        @JsonProperty("principal_investigator") String principalInvestigator,
        Funding funding,
        List<Party> parties,
        @JsonProperty("work_countries") List<String> workCountries,
        @JsonProperty("research_areas") List<String> researchAreas) {

    public Engagement {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(submittedOn, "submitted_on");
        Objects.requireNonNull(funding, "funding");
        parties = List.copyOf(parties);
        workCountries = workCountries == null ? List.of() : List.copyOf(workCountries);
        researchAreas = researchAreas == null ? List.of() : List.copyOf(researchAreas);
    }

    /**
     * A name folded for comparing owners: case, accents, punctuation and spacing ignored, so that
     * "Cycle Ltd" and "CYCLE  LTD." are one owner (what a cycle and a repeated owner are found by).
     */
    public static String foldedName(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** The parties that fund the work (sponsors and donors). */
    public List<Party> funders() {
        return parties.stream().filter(p -> p.role() == Role.SPONSOR || p.role() == Role.DONOR).toList();
    }

    public enum Type {
        @JsonProperty("sponsored_research") SPONSORED_RESEARCH,
        @JsonProperty("gift") GIFT,
        @JsonProperty("collaboration") COLLABORATION,
        @JsonProperty("visiting_researcher") VISITING_RESEARCHER,
        @JsonProperty("subaward") SUBAWARD,
        @JsonProperty("ip_license") IP_LICENSE,
        @JsonProperty("data_use") DATA_USE,
        @JsonProperty("procurement") PROCUREMENT,
        @JsonProperty("informal_collaboration") INFORMAL_COLLABORATION,
        @JsonProperty("event_abroad") EVENT_ABROAD;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum FundingSource {
        @JsonProperty("dod") DOD,
        @JsonProperty("nsf") NSF,
        @JsonProperty("nih") NIH,
        @JsonProperty("other_federal") OTHER_FEDERAL,
        @JsonProperty("industry") INDUSTRY,
        @JsonProperty("foreign_government") FOREIGN_GOVERNMENT,
        @JsonProperty("foundation") FOUNDATION,
        @JsonProperty("internal") INTERNAL,
        @JsonProperty("other") OTHER;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Kind {
        @JsonProperty("organization") ORGANIZATION,
        @JsonProperty("person") PERSON
    }

    public enum Role {
        @JsonProperty("sponsor") SPONSOR,
        @JsonProperty("donor") DONOR,
        @JsonProperty("collaborator") COLLABORATOR,
        @JsonProperty("home_institution") HOME_INSTITUTION,
        @JsonProperty("visitor") VISITOR,
        @JsonProperty("licensee") LICENSEE,
        @JsonProperty("vendor") VENDOR,
        @JsonProperty("subawardee") SUBAWARDEE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum OrganizationType {
        @JsonProperty("company") COMPANY,
        @JsonProperty("university") UNIVERSITY,
        @JsonProperty("research_institute") RESEARCH_INSTITUTE,
        @JsonProperty("government") GOVERNMENT,
        @JsonProperty("foundation") FOUNDATION,
        @JsonProperty("nonprofit") NONPROFIT,
        @JsonProperty("hospital") HOSPITAL;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Funding(BigDecimal amount, String currency, FundingSource source) {
    }

    /**
     * A counterparty: an organisation or a person, its country and role, its owners where known and
     * the people or bodies that control it (directors, officers and the like).
     *
     * @param ror the organisation's Research Organization Registry id as the submitter gives it, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Party(String name, Kind kind, String country, Role role,
                        @JsonProperty("organization_type") OrganizationType organizationType,
                        List<Owner> owners,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Controller> controllers,
                        String ror) {
        public Party {
            owners = owners == null ? List.of() : List.copyOf(owners);
            controllers = controllers == null ? List.of() : List.copyOf(controllers);
        }

        /** A party without controllers or a ROR id. */
        public Party(String name, Kind kind, String country, Role role, OrganizationType organizationType, List<Owner> owners) {
            this(name, kind, country, role, organizationType, owners, List.of(), null);
        }

        /** A party without a ROR id. */
        public Party(String name, Kind kind, String country, Role role, OrganizationType organizationType, List<Owner> owners,
                     List<Controller> controllers) {
            this(name, kind, country, role, organizationType, owners, controllers, null);
        }

        /** A party without controllers. */
        public Party(String name, Kind kind, String country, Role role, OrganizationType organizationType, List<Owner> owners,
                     String ror) {
            this(name, kind, country, role, organizationType, owners, List.of(), ror);
        }
    }

    /**
     * An owner or parent of a party or of another owner: share in percent, absent for a parent whose
     * share is not known; a person or (by default) an organization; its own owners (one level further
     * up) and controllers where the submitter knows them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Owner(String name, Kind kind, Double share, String country,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Owner> owners,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Controller> controllers) {
        public Owner {
            kind = kind == null ? Kind.ORGANIZATION : kind;
            owners = owners == null ? List.of() : List.copyOf(owners);
            controllers = controllers == null ? List.of() : List.copyOf(controllers);
        }

        public Owner(String name, Double share, String country) {
            this(name, Kind.ORGANIZATION, share, country, List.of(), List.of());
        }
    }

    /** Who controls a party or an owner without (necessarily) owning it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Controller(String name, Kind kind, ControllerRole role, String country) {
        public Controller {
            kind = kind == null ? Kind.PERSON : kind;
        }
    }

    public enum ControllerRole {
        @JsonProperty("director") DIRECTOR,
        @JsonProperty("officer") OFFICER,
        @JsonProperty("board_member") BOARD_MEMBER,
        @JsonProperty("controlling_shareholder") CONTROLLING_SHAREHOLDER,
        @JsonProperty("other") OTHER;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
