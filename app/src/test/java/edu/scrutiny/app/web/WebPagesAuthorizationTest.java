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

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping handlerMappings;

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

    /** One page of the table: the mapping as the controller declares it, the request sent, who may. */
    record Page(String method, String pattern, String path, Set<String> allowed) {
        String mapping() {
            return method + " " + pattern;
        }
    }

    /** Every page of the web interface, by its mapping, with the roles that reach it. */
    static List<Page> table() {
        Set<String> all = Set.copyOf(ROLES);
        Set<String> actors = Set.of("ANALYST", "REVIEWER");
        List<Page> t = new ArrayList<>();
        for (String page : List.of("/", "/engagements", "/alerts", "/lists", "/directives", "/country-lists", "/policy", "/audit", "/cases")) {
            t.add(new Page("GET", page, page, STAFF));
        }
        // (ids that do not exist: 404 for those let through, 403 for the others)
        t.add(new Page("GET", "/engagements/{id}", "/engagements/ENG-999999", STAFF));
        t.add(new Page("GET", "/lists/{key}/compare", "/lists/none/compare", STAFF));
        t.add(new Page("GET", "/lists/versions/{versionId}/entries/{sourceId}", "/lists/versions/999999/entries/x", STAFF));
        t.add(new Page("GET", "/lists/import/{job}", "/lists/import/none", STAFF));
        t.add(new Page("GET", "/directives/{id}", "/directives/none", STAFF));
        t.add(new Page("GET", "/country-lists/{key}", "/country-lists/none", STAFF));
        t.add(new Page("GET", "/policy/versions/{version}", "/policy/versions/999999", STAFF));
        t.add(new Page("GET", "/engagements/new", "/engagements/new", Set.of("SUBMITTER", "ANALYST")));
        t.add(new Page("GET", "/engagements/new/party", "/engagements/new/party", Set.of("SUBMITTER", "ANALYST")));
        t.add(new Page("GET", "/engagements/new/institutions", "/engagements/new/institutions?q=northern", Set.of("SUBMITTER", "ANALYST")));
        t.add(new Page("POST", "/engagements/new", "/engagements/new", Set.of("SUBMITTER", "ANALYST")));
        t.add(new Page("POST", "/alerts/{id}/acknowledge", "/alerts/1/acknowledge", CONFIGURERS));
        t.add(new Page("POST", "/policy", "/policy", CONFIGURERS));
        t.add(new Page("POST", "/country-lists/{key}", "/country-lists/elevated_risk", CONFIGURERS));
        t.add(new Page("POST", "/directives", "/directives", CONFIGURERS));
        t.add(new Page("POST", "/lists/import", "/lists/import", CONFIGURERS));
        // (a list that is no official source: the administrator is told so on /lists, nothing is added)
        t.add(new Page("POST", "/lists/sources/official", "/lists/sources/official?list=no_such_list", Set.of("ADMINISTRATOR")));
        // review cases: staff read; analysts and reviewers act (case 999999 does not exist: 404 for those let through)
        t.add(new Page("GET", "/cases/{id}", "/cases/999999", STAFF));
        for (String action : List.of("request-information", "adjudications", "conditions", "attestations", "recommendations",
                "decisions", "notes", "analyst")) {
            t.add(new Page("POST", "/cases/{id}/" + action, "/cases/999999/" + action, actors));
        }
        // the screening desk: staff read the log; analysts, reviewers and the administrator screen and dispose
        Set<String> screeners = Set.of("ANALYST", "REVIEWER", "ADMINISTRATOR");
        t.add(new Page("GET", "/screen", "/screen", STAFF));
        t.add(new Page("POST", "/screen", "/screen", screeners));
        t.add(new Page("GET", "/screenings", "/screenings", STAFF));
        t.add(new Page("GET", "/screenings/{id}", "/screenings/999999", STAFF));
        t.add(new Page("POST", "/screenings/{id}/dispositions", "/screenings/999999/dispositions", screeners));
        t.add(new Page("POST", "/screenings/batches", "/screenings/batches", screeners));
        t.add(new Page("GET", "/screenings/batches/{id}", "/screenings/batches/999999", STAFF));
        // users: the administrator; the auditor reads. Tokens: everyone signed in, their own
        t.add(new Page("GET", "/users", "/users", Set.of("ADMINISTRATOR", "AUDITOR")));
        t.add(new Page("POST", "/users", "/users", Set.of("ADMINISTRATOR")));
        t.add(new Page("POST", "/users/{name}/roles", "/users/someone/roles", Set.of("ADMINISTRATOR")));
        t.add(new Page("POST", "/users/{name}/enabled", "/users/nobody-at-all/enabled", Set.of("ADMINISTRATOR")));
        t.add(new Page("GET", "/tokens", "/tokens", all));
        t.add(new Page("POST", "/tokens", "/tokens", all));
        t.add(new Page("POST", "/tokens/{id}/revoke", "/tokens/999999/revoke", all));
        // one's own engagements and notifications: everyone signed in (ENG-999999 does not exist: 404 for all)
        t.add(new Page("GET", "/mine", "/mine", all));
        t.add(new Page("GET", "/mine/{id}", "/mine/ENG-999999", all));
        t.add(new Page("POST", "/mine/{id}/answer", "/mine/ENG-999999/answer", all));
        t.add(new Page("POST", "/mine/{id}/attestations", "/mine/ENG-999999/attestations", all));
        t.add(new Page("POST", "/mine/notifications/{id}/read", "/mine/notifications/999999/read", all));
        return t;
    }

    @Test
    void everyRoleReachesExactlyItsPages() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Page p : table()) {
            for (String role : ROLES) {
                MockHttpServletRequestBuilder r = (p.method().equals("GET") ? get(p.path()) : post(p.path()).with(csrf()))
                        .with(user(role.toLowerCase()).roles(role));
                int status = mvc.perform(r).andReturn().getResponse().getStatus();
                boolean allowed = p.allowed().contains(role);
                if (allowed ? status == 403 || status == 401 : status != 403) {
                    wrong.add(p.mapping() + " as " + role + ": " + status);
                }
            }
            MockHttpServletRequestBuilder anonymous = p.method().equals("GET") ? get(p.path()) : post(p.path()).with(csrf());
            var response = mvc.perform(anonymous).andReturn().getResponse();
            if (response.getStatus() != 302 || !String.valueOf(response.getRedirectedUrl()).endsWith("/login")) {
                wrong.add(p.mapping() + " anonymously: " + response.getStatus() + " " + response.getRedirectedUrl());
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** A page added to a web controller without a row here fails this test, as the API's matrix does for the OpenAPI document. */
    @Test
    void theTableCoversEveryPageOfTheWebControllers() {
        java.util.Set<String> mapped = new java.util.TreeSet<>();
        handlerMappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().equals("edu.scrutiny.app.web")) {
                for (var m : info.getMethodsCondition().getMethods()) {
                    for (String pattern : info.getPatternValues()) {
                        mapped.add(m.name() + " " + pattern);
                    }
                }
            }
        });
        assertThat(mapped).as("the web controllers' mappings").contains("GET /users", "POST /users/{name}/enabled");
        java.util.Set<String> covered = new java.util.TreeSet<>();
        table().forEach(p -> covered.add(p.mapping()));
        assertThat(covered).containsAll(mapped);
    }

    /**
     * The same session across two requests, its account changed in between: roles removed stop working
     * on the next request, roles given start working, and a disabled user's session ends (the sign-in
     * page); the session is the one the sign-in form made, not a test double.
     */
    @Test
    void rolesChangedAndUsersDisabledBetweenTwoRequestsOfASession() throws Exception {
        users.add("changing", null, null, Set.of(Role.ANALYST), "changing password 1", "test");
        var signedIn = mvc.perform(post("/login").param("username", "changing").param("password", "changing password 1").with(csrf()))
                .andReturn();
        var session = (org.springframework.mock.web.MockHttpSession) signedIn.getRequest().getSession(false);
        List<String> wrong = new ArrayList<>();
        for (Page p : table()) {
            if (!p.method().equals("GET")) {
                continue;
            }
            users.setRoles("changing", Set.of(Role.ANALYST), "test");
            int before = mvc.perform(get(p.path()).session(session)).andReturn().getResponse().getStatus();
            users.setRoles("changing", Set.of(Role.SUBMITTER), "test");
            int after = mvc.perform(get(p.path()).session(session)).andReturn().getResponse().getStatus();
            boolean analyst = p.allowed().contains("ANALYST");
            boolean submitter = p.allowed().contains("SUBMITTER");
            if ((before == 403) == analyst || (after == 403) == submitter) {
                wrong.add(p.mapping() + ": as analyst " + before + ", then as submitter " + after);
            }
        }
        users.setRoles("changing", Set.of(Role.ANALYST), "test");
        users.disable("changing", "test");
        var ended = mvc.perform(get("/mine").session(session)).andReturn().getResponse();
        if (ended.getStatus() != 302 || !String.valueOf(ended.getRedirectedUrl()).endsWith("/login")) {
            wrong.add("GET /mine after disabling: " + ended.getStatus() + " " + ended.getRedirectedUrl());
        }
        assertThat(session.isInvalid()).as("the disabled user's session is ended").isTrue();
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
