package edu.scrutiny.app.identity;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The web side of sign-in with the default settings: the sign-in form and CSRF, the security
 * headers, and Shibboleth headers ignored while Shibboleth is disabled.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class WebSecurityTest {
    static final String CSP = "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'";
    private static final String PASSWORD = "web password 123";

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(data));
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Users users;
    @Autowired
    AuditLog audit;

    @Test
    void theSignInFormNeedsTheCsrfToken() throws Exception {
        users.add("webuser", null, null, Set.of(Role.REVIEWER), PASSWORD, "test");
        mvc.perform(post("/login").param("username", "webuser").param("password", PASSWORD))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
        mvc.perform(post("/login").param("username", "webuser").param("password", PASSWORD).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        MvcResult signedIn = mvc.perform(post("/login").param("username", "webuser").param("password", PASSWORD).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername("webuser").withRoles("REVIEWER"))
                .andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
        assertThat(session).isNotNull();
        mvc.perform(get("/cases").session(session)).andExpect(authenticated().withUsername("webuser"));
        // the API takes no session cookie (which is why it needs no CSRF token): a token or Basic only
        mvc.perform(get("/api/me").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/tokens").session(session)).andExpect(status().isUnauthorized());
        assertThat(audit.recent("user", "webuser")).extracting(r -> r.action()).contains("signin.succeeded");
        mvc.perform(post("/logout")).andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "webuser").param("password", "not it").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
    }

    /**
     * Where signing in leads: a submitter (whose only pages are their own) to /mine, unless they asked
     * for one of their pages; staff to the page they asked for.
     */
    @Test
    void signingInLandsASubmitterOnTheirOwnEngagementsAndStaffWhereTheyAsked() throws Exception {
        users.add("landing-sub", null, null, Set.of(Role.SUBMITTER), PASSWORD, "test");
        users.add("landing-ana", null, null, Set.of(Role.ANALYST), PASSWORD, "test");
        assertThat(landing("landing-sub", null)).isEqualTo("/mine");
        assertThat(landing("landing-sub", "/")).isEqualTo("/mine");
        assertThat(landing("landing-sub", "/cases")).isEqualTo("/mine");
        assertThat(landing("landing-sub", "/engagements/new")).startsWith("http://localhost/engagements/new");
        assertThat(landing("landing-ana", null)).isEqualTo("/");
        assertThat(landing("landing-ana", "/cases")).startsWith("http://localhost/cases");
    }

    /** Where signing in as {@code user} redirects, having first asked for {@code asked} (null: the sign-in page directly). */
    private String landing(String user, String asked) throws Exception {
        MockHttpSession session = new MockHttpSession();
        if (asked != null) {
            mvc.perform(get(asked).session(session)).andExpect(redirectedUrl("/login"));
        }
        return mvc.perform(post("/login").session(session).param("username", user).param("password", PASSWORD).with(csrf()))
                .andExpect(authenticated().withUsername(user))
                .andReturn().getResponse().getRedirectedUrl();
    }

    @Test
    void pagesNeedSignInButTheLoginPageAndApiDocumentationArePublic() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk());
        mvc.perform(get("/cases")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        // no client registered: no OpenID Connect sign-in
        mvc.perform(get("/oauth2/authorization/campus")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("oauth2");
        mvc.perform(get("/api/engagements")).andExpect(status().isUnauthorized());
    }

    @Test
    void everyAnswerCarriesAStrictContentSecurityPolicyAndTheOtherSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/login", "/api/engagements"}) {
            mvc.perform(get(path))
                    .andExpect(header().string("Content-Security-Policy", CSP))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                    .andExpect(header().string("X-Frame-Options", "DENY"));
        }
    }

    @Test
    void shibbolethHeadersAreIgnoredWhileShibbolethIsDisabled() throws Exception {
        mvc.perform(get("/").header("REMOTE_USER", "intruder").header("entitlement", "administrator")
                        .with(r -> {
                            r.setRemoteAddr("127.0.0.1");
                            return r;
                        }))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"))
                .andExpect(unauthenticated());
        mvc.perform(get("/api/me").header("REMOTE_USER", "intruder")).andExpect(status().isUnauthorized());
        assertThat(users.find("intruder")).isEmpty();
    }
}
