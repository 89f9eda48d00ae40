package edu.scrutiny.app.web;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.institutions.Institutions;
import edu.scrutiny.app.testsupport.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A submitter who files once a year fills the intake form by keyboard alone in headless Chromium:
 * Tab to move, typing (names, not codes: countries by name, choices by their words through the
 * selects' type-ahead), Space for a checkbox, Enter to submit; no clicks. The test counts the fields
 * it had to touch, so that a change that adds a required field shows here. A second test types a
 * party's name and is offered the institutions of the imported ROR dump.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeByKeyboardTest {
    static final Path data = Scenarios.temporaryDirectory("scrutiny-keyboard-");

    /** The fields a minimal engagement needs touched, as measured when the form gained names for keys (2026-12). */
    static final int FIELDS_TOUCHED = 12;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(data));
    }

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired Engagements engagements;
    @Autowired Institutions institutions;

    @BeforeAll
    void seed() throws Exception {
        users.add("kim", null, null, Set.of(Role.SUBMITTER), Browser.PASSWORD, "test");
        institutions.importDump(Scenarios.pathOf("/institutions/ror-v2.json"), "ror-v2.json", "test");
    }

    /** The keyboard, as a person uses it: keys go to whatever has the focus. */
    static final class Keyboard {
        private final Browser browser;
        final Set<String> touched = new LinkedHashSet<>();
        int tabs;

        Keyboard(Browser browser) {
            this.browser = browser;
        }

        WebElement focused() {
            return browser.driver().switchTo().activeElement();
        }

        /** Presses Tab until the element with this id has the focus (failing after 300 presses). */
        Keyboard tabTo(String id) {
            for (int i = 0; i < 300; i++) {
                if (id.equals(focused().getAttribute("id"))) {
                    return this;
                }
                press(Keys.TAB);
                tabs++;
            }
            throw new AssertionError("Tab never reached #" + id);
        }

        /** Tabs to a field and types into it: a field touched. */
        Keyboard fill(String id, CharSequence... keys) {
            tabTo(id);
            press(keys);
            touched.add(id);
            return this;
        }

        /** Keys pressed, to whatever has the focus (as a person types: no element is clicked or chosen). */
        Keyboard press(CharSequence... keys) {
            new Actions(browser.driver()).sendKeys(keys).perform();
            return this;
        }
    }

    @Test
    void aSubmitterFillsTheFormByKeyboardAloneAndFindsTheEngagement() {
        String title = "Joint summer school on coastal ecology";
        try (Browser kim = Browser.signedIn(port, "kim")) {
            kim.go("/engagements/new");
            // the page starts with nothing focused: the first Tab goes to the skip link, as for anyone
            Keyboard keys = new Keyboard(kim);
            keys.fill("f-title", title)
                    .fill("f-type", "Collaboration")
                    .fill("f-funding-amount", "18000")
                    .fill("f-funding-currency", "EUR")
                    .fill("f-funding-source", "Foundation")
                    .fill("f-parties-0-name", "Universidade do Algarve")
                    .fill("f-parties-0-kind", "Organization")
                    .fill("f-parties-0-country", "Portugal")
                    .fill("f-parties-0-role", "Collaborator")
                    .fill("f-parties-0-organization_type", "University")
                    .fill("f-work_countries", "Portugal, Spain")
                    .fill("f-research_areas", " ");
            keys.tabTo("submit").press(Keys.ENTER);
            kim.await(ExpectedConditions.urlMatches("/mine/ENG-\\d+$"));

            String id = kim.path().substring("/mine/".length());
            System.out.println("IntakeByKeyboardTest: " + keys.touched.size() + " fields touched " + keys.touched
                    + ", " + keys.tabs + " presses of Tab");
            assertThat(kim.find(By.tagName("h1")).getText()).contains(id, title);
            assertThat(kim.byId("submitted").getText()).contains("Universidade do Algarve (Collaborator, PT)", "Collaboration");
            kim.go("/mine");
            assertThat(kim.byId("mine-" + id).getText()).contains(title);
            kim.consoleIsClean();

            Engagement stored = engagements.find(id).orElseThrow().engagement();
            assertThat(stored.type()).isEqualTo(Engagement.Type.COLLABORATION);
            assertThat(stored.parties().getFirst().country()).isEqualTo("PT");
            assertThat(stored.workCountries()).containsExactly("PT", "ES");
            assertThat(stored.funding().source()).isEqualTo(Engagement.FundingSource.FOUNDATION);
            assertThat(keys.touched).hasSize(FIELDS_TOUCHED);
        }
    }

    @Test
    void aPartyNameOffersTheInstitutionsOfTheRorDumpAndTheChosenOneFillsItsIdAndCountry() {
        try (Browser kim = Browser.signedIn(port, "kim")) {
            kim.go("/engagements/new");
            Keyboard keys = new Keyboard(kim);
            keys.fill("f-parties-0-name", "Northern Poly");
            kim.await(d -> !kim.findAll("#institution-names option").isEmpty());
            List<String> offered = kim.findAll("#institution-names option").stream().map(o -> o.getAttribute("value")).toList();
            assertThat(offered).containsExactly("Northern Polytechnical University of Defence Technology");
            assertThat(kim.findAll("#institution-names option").getFirst().getAttribute("label")).contains("CN", "ROR 0");
            // the name typed in full (as choosing it from the list writes it), then on to the next field
            keys.press("technical University of Defence Technology", Keys.TAB); // completes the name typed so far
            assertThat(kim.byId("f-parties-0-name").getAttribute("value")).isEqualTo("Northern Polytechnical University of Defence Technology");
            kim.await(d -> !kim.byId("f-parties-0-ror").getAttribute("value").isEmpty());
            assertThat(kim.byId("f-parties-0-ror").getAttribute("value")).matches("0[a-z0-9]{8}");
            assertThat(kim.byId("f-parties-0-country").getAttribute("value")).isEqualTo("China");
            // work countries, several in one field: each is offered by name after those already written
            keys.fill("f-work_countries", "Germany, Fra");
            kim.await(d -> !kim.findAll("#several-country-names option").isEmpty());
            List<String> countries = kim.findAll("#several-country-names option").stream().map(o -> o.getAttribute("value")).toList();
            assertThat(countries).contains("Germany, France").allMatch(c -> c.startsWith("Germany, Fr"));
            keys.press(", ");
            kim.await(d -> kim.findAll("#several-country-names option").isEmpty());
            // the country list is offered by name, and posts what the API takes
            assertThat(((JavascriptExecutor) kim.driver()).executeScript(
                    "return document.querySelector('#country-names option[label=DE]').value")).isEqualTo("Germany");
            kim.consoleIsClean();
        }
    }
}
