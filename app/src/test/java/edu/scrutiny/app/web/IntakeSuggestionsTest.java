package edu.scrutiny.app.web;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.institutions.Institutions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.InputStream;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What the intake form offers as a party's name is typed (institutions of the imported ROR dump, for
 * the form's users only, as JSON), and the site's icon, which every browser asks for without signing in.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class IntakeSuggestionsTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-suggest")));
    }

    @Autowired MockMvc mvc;
    @Autowired Users users;
    @Autowired Institutions institutions;

    private String suggest(String user, Role role, String q) throws Exception {
        if (users.find(user).isEmpty()) {
            users.add(user, null, null, Set.of(role), null, "test");
        }
        var response = mvc.perform(get("/engagements/new/institutions").param("q", q).with(user(user).roles(role.name())))
                .andReturn().getResponse();
        return response.getStatus() + " " + response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void partyNamesAreSuggestedFromTheImportedRorRecordsToTheFormsUsersOnly() throws Exception {
        // before any dump: nothing to suggest, and no error
        assertThat(suggest("sam", Role.SUBMITTER, "northern")).isEqualTo("200 []");

        institutions.importDump(Scenarios.pathOf("/institutions/ror-v2.json"), "ror-v2.json", "test");
        String found = suggest("sam", Role.SUBMITTER, "Northern Poly");
        assertThat(found).startsWith("200 [").contains("\"name\":\"Northern Polytechnical University of Defence Technology\"",
                "\"countries\":[\"CN\"]", "\"status\":\"active\"").containsPattern("\"ror\":\"0[a-z0-9]{8}\"");
        // by any of its names (an acronym), in any case
        assertThat(suggest("sam", Role.SUBMITTER, "npudt")).contains("Northern Polytechnical University of Defence Technology");
        assertThat(suggest("ana", Role.ANALYST, "BINHAI")).contains("Binhai Institute of Military Engineering")
                .doesNotContain("Northern");
        // too little typed, or nothing that begins so: none; wildcards are letters, not patterns
        assertThat(suggest("sam", Role.SUBMITTER, "n")).isEqualTo("200 []");
        assertThat(suggest("sam", Role.SUBMITTER, "zzzz")).isEqualTo("200 []");
        assertThat(suggest("sam", Role.SUBMITTER, "%%")).isEqualTo("200 []");
        assertThat(suggest("sam", Role.SUBMITTER, "x".repeat(201))).startsWith("400 ").contains("q", "at most 200 characters");
        // the form's users only: a reviewer does not file engagements; nobody unsigned
        assertThat(suggest("rex", Role.REVIEWER, "northern")).startsWith("403");
        var anonymous = mvc.perform(get("/engagements/new/institutions").param("q", "northern")).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(302);
        assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void theIconAnswersWithoutSignInAndIsCached() throws Exception {
        for (String icon : new String[] {"/favicon.ico", "/favicon.svg"}) {
            var response = mvc.perform(get(icon)).andReturn().getResponse();
            assertThat(response.getStatus()).as(icon).isEqualTo(200);
            assertThat(response.getHeader("Cache-Control")).as(icon).contains("max-age=604800", "public");
            try (InputStream in = getClass().getResourceAsStream("/static" + icon)) {
                assertThat(response.getContentAsByteArray()).as(icon).isEqualTo(in.readAllBytes());
            }
        }
        byte[] ico = mvc.perform(get("/favicon.ico")).andReturn().getResponse().getContentAsByteArray();
        // an ICO directory (reserved 0, type 1) holding two images, 16 and 32 pixels square
        assertThat(new byte[] {ico[0], ico[1], ico[2], ico[3], ico[4]}).containsExactly(0, 0, 1, 0, 2);
        assertThat(Byte.toUnsignedInt(ico[6])).isEqualTo(16);
        assertThat(Byte.toUnsignedInt(ico[22])).isEqualTo(32);
        assertThat(mvc.perform(get("/favicon.svg")).andReturn().getResponse().getContentType()).startsWith("image/svg+xml");
    }
}
