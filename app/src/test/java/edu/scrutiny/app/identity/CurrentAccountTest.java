package edu.scrutiny.app.identity;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.audit.AuditLog;
import edu.scrutiny.app.audit.AuditRecord;
import edu.scrutiny.app.testsupport.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 1 of issue 13: every request acts with the account as it is now. Roles an administrator
 * removes stop working on the open session's next request; a disabled user's session and tokens
 * stop at once, and enabling them again does not bring the old session back. Disabling is the
 * administrator's, through the API, the users page and the command line (IdentityCommandsTest), and
 * is audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class CurrentAccountTest {
    private static final String PASSWORD = "current account password";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-current")));
    }

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    AuditLog audit;

    SignIn signIn;
    SignIn.Api admin;

    @BeforeEach
    void accounts() {
        signIn = new SignIn(port);
        if (users.find("boss").isEmpty()) {
            users.add("boss", null, null, Set.of(Role.ADMINISTRATOR), PASSWORD, "test");
        }
        admin = signIn.token(tokens.create("boss", "test", "test").secret());
    }

    @Test
    void rolesRemovedFromAnOpenSessionStopWorkingOnItsNextRequest() {
        users.add("ana", null, null, Set.of(Role.ANALYST), PASSWORD, "test");
        SignIn.Session ana = signIn.form("ana", PASSWORD);
        assertThat(ana.last().statusCode()).isEqualTo(302);
        assertThat(ana.get("/lists").statusCode()).isEqualTo(200);
        assertThat(ana.get("/audit").statusCode()).isEqualTo(200);
        assertThat(ana.last().body()).contains("ana");

        HttpResponse<String> changed = admin.json("PUT", "/api/users/ana/roles", "{\"roles\": [\"submitter\"]}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        // the same session, the same cookie: the roles are the account's now
        for (String page : new String[] {"/lists", "/audit", "/engagements", "/alerts", "/cases"}) {
            assertThat(ana.get(page).statusCode()).as(page).isEqualTo(403);
        }
        assertThat(ana.post("/directives", Map.of("yaml", "[]")).statusCode()).isEqualTo(403);
        HttpResponse<String> mine = ana.get("/mine");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).as("the navigation shows no staff page").doesNotContain("href=\"/lists\"");

        // and given back, they work again in the same session
        admin.json("PUT", "/api/users/ana/roles", "{\"roles\": [\"analyst\"]}");
        assertThat(ana.get("/lists").statusCode()).isEqualTo(200);
    }

    @Test
    void aDisabledUsersSessionAndTokensStopAtOnce() {
        users.add("leaving", null, null, Set.of(Role.ANALYST), PASSWORD, "test");
        SignIn.Session session = signIn.form("leaving", PASSWORD);
        SignIn.Api token = signIn.token(tokens.create("leaving", "script", "test").secret());
        assertThat(session.get("/lists").statusCode()).isEqualTo(200);
        assertThat(token.get("/api/lists").statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = admin.json("PUT", "/api/users/leaving/enabled", "{\"enabled\": false}");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.body()).contains("\"enabled\":false");

        HttpResponse<String> next = session.get("/lists");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(token.get("/api/lists").statusCode()).isEqualTo(401);
        assertThat(signIn.form("leaving", PASSWORD).last().headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

        // enabled again: a new sign-in works, the old session stays ended
        assertThat(admin.json("PUT", "/api/users/leaving/enabled", "{\"enabled\": true}").statusCode()).isEqualTo(200);
        assertThat(session.get("/lists").statusCode()).isEqualTo(302);
        assertThat(token.get("/api/lists").statusCode()).isEqualTo(200);
        assertThat(signIn.form("leaving", PASSWORD).get("/lists").statusCode()).isEqualTo(200);

        assertThat(audit.recent("user", "leaving")).extracting(AuditRecord::action, AuditRecord::actor)
                .contains(org.assertj.core.groups.Tuple.tuple("user.disabled", "boss"), org.assertj.core.groups.Tuple.tuple("user.enabled", "boss"));
    }

    @Test
    void onlyTheAdministratorDisablesUsersAndNeverThemselves() {
        users.add("someone", null, null, Set.of(Role.SUBMITTER), PASSWORD, "test");
        users.add("auditing", null, null, Set.of(Role.AUDITOR), PASSWORD, "test");
        SignIn.Api auditor = signIn.token(tokens.create("auditing", "t", "test").secret());
        assertThat(auditor.json("PUT", "/api/users/someone/enabled", "{\"enabled\": false}").statusCode()).isEqualTo(403);
        assertThat(users.find("someone").orElseThrow().enabled()).isTrue();

        HttpResponse<String> self = admin.json("PUT", "/api/users/boss/enabled", "{\"enabled\": false}");
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(self.body()).contains("enabled").contains("your own account");
        HttpResponse<String> missing = admin.json("PUT", "/api/users/nobody/enabled", "{\"enabled\": false}");
        assertThat(missing.statusCode()).isEqualTo(404);
        HttpResponse<String> noValue = admin.json("PUT", "/api/users/someone/enabled", "{}");
        assertThat(noValue.statusCode()).isEqualTo(400);
        assertThat(noValue.body()).contains("enabled");
        assertThat(users.find("boss").orElseThrow().enabled()).isTrue();
    }

    @Test
    void theUsersPageHasAButtonToDisableAndEnableAUser() {
        users.add("clicked", null, null, Set.of(Role.REVIEWER), PASSWORD, "test");
        SignIn.Session boss = signIn.form("boss", PASSWORD);
        String page = boss.get("/users").body();
        assertThat(page).contains("id=\"enabled-clicked\"").contains("Disable clicked");

        HttpResponse<String> posted = boss.post("/users/clicked/enabled", Map.of("enabled", "false"));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(users.find("clicked").orElseThrow().enabled()).isFalse();
        assertThat(boss.get("/users").body()).contains("Enable clicked");
        boss.post("/users/clicked/enabled", Map.of("enabled", "true"));
        assertThat(users.find("clicked").orElseThrow().enabled()).isTrue();

        HttpResponse<String> self = boss.post("/users/boss/enabled", Map.of("enabled", "false"));
        assertThat(self.statusCode()).isEqualTo(200);
        assertThat(self.body()).contains("your own account");

        users.add("plain-auditor", null, null, Set.of(Role.AUDITOR), PASSWORD, "test");
        SignIn.Session auditor = signIn.form("plain-auditor", PASSWORD);
        assertThat(auditor.get("/users").body()).doesNotContain("id=\"enabled-clicked\"");
        assertThat(auditor.post("/users/clicked/enabled", Map.of("enabled", "false")).statusCode()).isEqualTo(403);
        assertThat(users.find("clicked").orElseThrow().enabled()).isTrue();
    }
}
