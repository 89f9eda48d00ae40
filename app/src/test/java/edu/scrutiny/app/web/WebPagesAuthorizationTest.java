package edu.scrutiny.app.web;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The web pages for each role: a submitter reaches only the intake form, their own engagements and
 * notifications (/mine, as everyone signed in does) and their own API tokens; staff read every page
 * but the users, which are the administrator's (and the auditor reads them); only analysts and the administrator change configuration or acknowledge alerts;
 * only analysts and reviewers act on cases; nobody without signing in sees anything but the
 * sign-in page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class WebPagesAuthorizationTest {
    private static final List<String> ROLES = List.of("SUBMITTER", "ANALYST", "REVIEWER", "ADMINISTRATOR", "AUDITOR");
    private static final Set<String> STAFF = Set.of("ANALYST", "REVIEWER", "ADMINISTRATOR", "AUDITOR");
    private static final Set<String> CONFIGURERS = Set.of("ANALYST", "ADMINISTRATOR");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-pages")));
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Engagements engagements;

    /** The pages act as the signed-in user's account (its roles as stored): one account per role, and one to change. */
    @BeforeEach
    void accounts() {
        for (String role : ROLES) {
            if (users.find(role.toLowerCase()).isEmpty()) {
                users.add(role.toLowerCase(), null, null, Set.of(Role.valueOf(role)), null, "test");
            }
        }
        if (users.find("someone").isEmpty()) {
            users.add("someone", null, null, Set.of(Role.SUBMITTER), null, "test");
        }
    }

    @Test
    void everyRoleReachesExactlyItsPages() throws Exception {
        Map<String, Set<String>> pages = new java.util.LinkedHashMap<>();
        for (String page : List.of("/", "/engagements", "/alerts", "/lists", "/directives", "/country-lists", "/policy", "/audit")) {
            pages.put("GET " + page, STAFF);
        }
        pages.put("GET /engagements/new", Set.of("SUBMITTER", "ANALYST"));
        pages.put("POST /alerts/1/acknowledge", CONFIGURERS);
        pages.put("POST /policy", CONFIGURERS);
        pages.put("POST /country-lists/elevated_risk", CONFIGURERS);
        pages.put("POST /directives", CONFIGURERS);
        // review cases: staff read; analysts and reviewers act (case 999999 does not exist: 404 for those let through)
        pages.put("GET /cases", STAFF);
        pages.put("GET /cases/999999", STAFF);
        pages.put("POST /cases/999999/notes", Set.of("ANALYST", "REVIEWER"));
        pages.put("POST /cases/999999/decisions", Set.of("ANALYST", "REVIEWER"));
        // users: the administrator; the auditor reads. Tokens: everyone signed in, their own
        pages.put("GET /users", Set.of("ADMINISTRATOR", "AUDITOR"));
        pages.put("POST /users", Set.of("ADMINISTRATOR"));
        pages.put("POST /users/someone/roles", Set.of("ADMINISTRATOR"));
        pages.put("GET /tokens", Set.copyOf(ROLES));
        pages.put("POST /tokens", Set.copyOf(ROLES));
        pages.put("POST /tokens/999999/revoke", Set.copyOf(ROLES));
        // one's own engagements and notifications: everyone signed in (ENG-999999 does not exist: 404 for all)
        pages.put("GET /mine", Set.copyOf(ROLES));
        pages.put("GET /mine/ENG-999999", Set.copyOf(ROLES));
        pages.put("POST /mine/ENG-999999/answer", Set.copyOf(ROLES));
        pages.put("POST /mine/ENG-999999/attestations", Set.copyOf(ROLES));
        pages.put("POST /mine/notifications/999999/read", Set.copyOf(ROLES));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> p : pages.entrySet()) {
            String[] mp = p.getKey().split(" ");
            for (String role : ROLES) {
                MockHttpServletRequestBuilder r = (mp[0].equals("GET") ? get(mp[1]) : post(mp[1]).with(csrf())).with(user(role.toLowerCase()).roles(role));
                int status = mvc.perform(r).andReturn().getResponse().getStatus();
                boolean allowed = p.getValue().contains(role);
                if (allowed ? status == 403 || status == 401 : status != 403) {
                    wrong.add(p.getKey() + " as " + role + ": " + status);
                }
            }
            MockHttpServletRequestBuilder anonymous = mp[0].equals("GET") ? get(mp[1]) : post(mp[1]).with(csrf());
            var response = mvc.perform(anonymous).andReturn().getResponse();
            if (response.getStatus() != 302 || !String.valueOf(response.getRedirectedUrl()).endsWith("/login")) {
                wrong.add(p.getKey() + " anonymously: " + response.getStatus() + " " + response.getRedirectedUrl());
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Under /mine each user sees their own engagements only, whatever their roles: their own page
     * opens and lists it; another user's engagement is not found (404, as a missing one), by page and
     * by form, and is not listed.
     */
    @Test
    void everyRoleSeesItsOwnEngagementsOnlyUnderMine() throws Exception {
        String others = engagements.submit(Scenarios.engagement("saudi-gift-2020"), "test", "someone").id();
        List<String> wrong = new ArrayList<>();
        for (String role : ROLES) {
            String name = role.toLowerCase();
            String own = engagements.submit(Scenarios.engagement("saudi-gift-2020"), "test", name).id();
            var as = user(name).roles(role);
            String list = mvc.perform(get("/mine").with(as)).andReturn().getResponse().getContentAsString();
            // (the rows: a staff user's notifications for their role may name any engagement)
            if (!list.contains("mine-" + own) || list.contains("mine-" + others)) {
                wrong.add("GET /mine as " + role + " lists " + (list.contains("mine-" + own) ? "" : "not its own ")
                        + (list.contains("mine-" + others) ? "another's" : ""));
            }
            var page = mvc.perform(get("/mine/" + own).with(as)).andReturn().getResponse();
            if (page.getStatus() != 200 || !page.getContentAsString().contains("Gift for a graduate fellowship")) {
                wrong.add("GET /mine/own as " + role + ": " + page.getStatus());
            }
            // the case waits for no answer: the form is refused on the page, not by a 403 or 404
            var answered = mvc.perform(post("/mine/" + own + "/answer").param("answer", "yes").with(csrf()).with(as)).andReturn().getResponse();
            if (answered.getStatus() != 200 || !answered.getContentAsString().contains("Not now")) {
                wrong.add("POST /mine/own/answer as " + role + ": " + answered.getStatus());
            }
            for (var r : List.of(get("/mine/" + others), post("/mine/" + others + "/answer").param("answer", "yes").with(csrf()),
                    post("/mine/" + others + "/attestations").param("condition_id", "1").param("statement", "yes").with(csrf()))) {
                var response = mvc.perform(r.with(as)).andReturn().getResponse();
                if (response.getStatus() != 404 || response.getContentAsString().contains("Gift for a graduate fellowship")) {
                    wrong.add("another's engagement under /mine as " + role + ": " + response.getStatus());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        int status = mvc.perform(post("/policy").with(user("analyst").roles("ANALYST"))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }
}
