package edu.scrutiny.app.web;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.EngagementDocuments;
import edu.scrutiny.app.support.InvalidInput;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The intake form's values as the engagement JSON, and its problems found by their inputs. */
class IntakeFormTest {
    @Test
    void aRenewalFormReadsBackAsTheSameEngagementMarkedAsARenewal() {
        Engagement original = Scenarios.engagement("huawei-2019-06-01");
        IntakeForm form = IntakeForm.renewalOf("ENG-000003", original, "2020-06-01");
        Engagement renewal = EngagementDocuments.read(form.toJson(), "form");
        assertThat(renewal.renewal()).isTrue();
        assertThat(renewal.renews()).isEqualTo("ENG-000003");
        assertThat(renewal.submittedOn()).hasToString("2020-06-01");
        assertThat(renewal.parties()).isEqualTo(original.parties());
        assertThat(renewal.funding()).isEqualTo(original.funding());
        assertThat(renewal.workCountries()).isEqualTo(original.workCountries());
        assertThat(renewal.researchAreas()).isEqualTo(original.researchAreas());
        assertThat(renewal.title()).isEqualTo(original.title());
    }

    @Test
    void ownersAndControllersAreRowsRenumberedWhenPostedAndEmptyRowsAreLeftOut() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("title", List.of("Equipment purchase"));
        params.put("type", List.of("procurement"));
        params.put("submitted_on", List.of("2021-01-05"));
        params.put("funding.amount", List.of("1,200.50"));
        params.put("funding.currency", List.of("GBP"));
        params.put("funding.source", List.of("internal"));
        params.put("parties[0].name", List.of("Example Optics Ltd"));
        params.put("parties[0].kind", List.of("organization"));
        params.put("parties[0].country", List.of("GB"));
        params.put("parties[0].role", List.of("vendor"));
        // rows 1 and 4 were removed in the browser, row 5 left blank: what is posted has gaps
        params.put("parties[0].owners[0].name", List.of("Parent Holdings"));
        params.put("parties[0].owners[0].kind", List.of("organization"));
        params.put("parties[0].owners[0].share", List.of("60"));
        params.put("parties[0].owners[0].country", List.of("CN"));
        params.put("parties[0].owners[0].owners[2].name", List.of("Ultimate Parent"));
        params.put("parties[0].owners[0].owners[2].kind", List.of("person"));
        params.put("parties[0].owners[0].owners[2].share", List.of("70%"));
        params.put("parties[0].owners[3].name", List.of("Minority Investor"));
        params.put("parties[0].owners[3].kind", List.of("organization"));
        params.put("parties[0].owners[5].name", List.of(""));
        params.put("parties[0].owners[5].kind", List.of("organization"));
        params.put("parties[0].controllers[2].name", List.of("Jane Director"));
        params.put("parties[0].controllers[2].kind", List.of("person"));
        params.put("parties[0].controllers[2].role", List.of("director"));
        params.put("parties[1].name", List.of(""));
        params.put("parties[1].country", List.of(""));
        params.put("work_countries", List.of("US GB"));
        IntakeForm form = IntakeForm.posted(params);
        assertThat(form.parties()).isEqualTo(2);

        Engagement e = EngagementDocuments.read(form.toJson(), "form");
        assertThat(e.parties()).hasSize(1);
        Engagement.Owner ultimate = new Engagement.Owner("Ultimate Parent", Engagement.Kind.PERSON, 70.0, null, List.of(), List.of());
        assertThat(e.parties().getFirst().owners()).containsExactly(
                new Engagement.Owner("Parent Holdings", Engagement.Kind.ORGANIZATION, 60.0, "CN", List.of(ultimate), List.of()),
                new Engagement.Owner("Minority Investor", null, null));
        assertThat(e.parties().getFirst().controllers()).containsExactly(
                new Engagement.Controller("Jane Director", Engagement.Kind.PERSON, Engagement.ControllerRole.DIRECTOR, null));
        // shown again, the rows are named as the JSON numbered them, so that problems land beside them
        assertThat(form.rows("parties[0].owners")).containsExactly("parties[0].owners[0]", "parties[0].owners[1]");
        assertThat(form.v("parties[0].owners[0].owners[0].name")).isEqualTo("Ultimate Parent");
        assertThat(form.v("parties[0].controllers[0].role")).isEqualTo("director");
        assertThat(e.funding().amount()).isEqualByComparingTo("1200.50");
        assertThat(e.workCountries()).containsExactly("US", "GB");
        assertThat(e.renewal()).isFalse();
    }

    @Test
    void problemsAreFoundByTheInputTheyConcern() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("title", List.of("x"));
        params.put("parties[0].name", List.of("A"));
        params.put("parties[0].owners[0].name", List.of("B"));
        params.put("parties[0].owners[0].share", List.of("lots"));
        params.put("parties[0].owners[0].country", List.of("CN"));
        params.put("work_countries", List.of("US, ZZ"));
        IntakeForm form = IntakeForm.posted(params);
        InvalidInput e = catchInvalid(form.toJson());
        FieldErrors errors = FieldErrors.of(e);
        assertThat(errors.has("type")).isTrue();
        assertThat(errors.has("submitted_on")).isTrue();
        assertThat(errors.has("funding.amount")).isTrue();
        assertThat(errors.has("parties[0].kind")).isTrue();
        assertThat(errors.has("parties[0].owners")).isTrue();
        assertThat(errors.has("parties[0].name")).isFalse();
        assertThat(errors.has("parties[0].owners[0].share")).isTrue();
        assertThat(errors.anchor("parties[0].owners[0].share")).isEqualTo("f-parties-0-owners-0-share");
        assertThat(errors.anchor("parties[0].owners")).isEqualTo("f-parties-0-owners");
        assertThat(errors.anchor("work_countries[1]")).isEqualTo("f-work_countries");
        assertThat(errors.anchor("parties[0].country")).isEqualTo("f-parties-0-country");
        assertThat(errors.errorId("parties[0].country")).isEqualTo("error-parties-0-country");
    }

    @Test
    void countriesAreTypedByNameAndReachTheEngagementAsCodesAndAUnknownNameIsNamedAsItsField() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("title", List.of("Workshop"));
        params.put("type", List.of("collaboration"));
        params.put("submitted_on", List.of("2021-01-05"));
        params.put("funding.amount", List.of("1000"));
        params.put("funding.currency", List.of("EUR"));
        params.put("funding.source", List.of("internal"));
        params.put("parties[0].name", List.of("Technische Universität München"));
        params.put("parties[0].kind", List.of("organization"));
        params.put("parties[0].country", List.of("germany"));
        params.put("parties[0].role", List.of("collaborator"));
        params.put("parties[0].organization_type", List.of("university"));
        params.put("parties[0].owners[0].name", List.of("Free State of Bavaria"));
        params.put("parties[0].owners[0].kind", List.of("organization"));
        params.put("parties[0].owners[0].country", List.of("  Germany "));
        params.put("parties[0].controllers[0].name", List.of("A President"));
        params.put("parties[0].controllers[0].kind", List.of("person"));
        params.put("parties[0].controllers[0].role", List.of("officer"));
        params.put("parties[0].controllers[0].country", List.of("de"));
        params.put("work_countries", List.of("United States; United Kingdom, Türkiye"));
        Engagement e = EngagementDocuments.read(IntakeForm.posted(params).toJson(), "form");
        assertThat(e.parties().getFirst().country()).isEqualTo("DE");
        assertThat(e.parties().getFirst().owners().getFirst().country()).isEqualTo("DE");
        assertThat(e.parties().getFirst().controllers().getFirst().country()).isEqualTo("DE");
        assertThat(e.workCountries()).containsExactly("US", "GB", "TR");

        // a form pre-filled from a stored engagement shows the names
        IntakeForm renewal = IntakeForm.renewalOf("ENG-000001", e, "2022-01-05");
        assertThat(renewal.v("parties[0].country")).isEqualTo("Germany");
        assertThat(renewal.v("work_countries")).isEqualTo("United States, United Kingdom, Türkiye");
        assertThat(EngagementDocuments.read(renewal.toJson(), "form").workCountries()).containsExactly("US", "GB", "TR");

        params.put("parties[0].country", List.of("Narnia"));
        params.put("work_countries", List.of("Germany, Atlantis"));
        FieldErrors errors = FieldErrors.of(catchInvalid(IntakeForm.posted(params).toJson()));
        assertThat(errors.has("parties[0].country")).isTrue();
        assertThat(errors.anchor("work_countries[1]")).isEqualTo("f-work_countries");
        assertThat(CountryNames.INSTANCE.all()).hasSizeGreaterThan(240)
                .contains(new CountryNames.Country("DE", "Germany"), new CountryNames.Country("CN", "China"));
    }

    private static InvalidInput catchInvalid(String json) {
        try {
            EngagementDocuments.read(json, "form");
        } catch (InvalidInput e) {
            return e;
        }
        throw new AssertionError("the form should have been refused");
    }
}
