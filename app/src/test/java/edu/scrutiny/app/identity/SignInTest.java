package edu.scrutiny.app.identity;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.ScrutinyApplication;
import edu.scrutiny.app.audit.AuditLog;
import edu.scrutiny.app.audit.AuditRecord;
import edu.scrutiny.app.testsupport.MutableClock;
import edu.scrutiny.app.testsupport.SignIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Local accounts and API tokens over a real server: lock-out after five failures (the clock is the
 * test's), tokens made, used, revoked and stored only as their SHA-256, and the audit trail of it all.
 * HTTP Basic is on here ({@code scrutiny.api.basic-auth}), as an institution whose scripts use it sets;
 * every failure is recorded one by one (the per-address throttle's limits are raised: FailedSignInTest tests it).
 */
@SpringBootTest(classes = {ScrutinyApplication.class, SignInTest.Clocks.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"scrutiny.api.basic-auth=true", "scrutiny.security.throttle.recorded=50", "scrutiny.security.throttle.failures=50"})
@DirtiesContext
class SignInTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "a long enough password";

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
        }
    }

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(data));
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutesEvenAgainstTheRightPassword() throws Exception {
        users.add("locky", null, null, Set.of(Role.ANALYST), PASSWORD, "test");
        assertThat(me("locky", PASSWORD).statusCode()).isEqualTo(200);
        for (int i = 1; i <= 4; i++) {
            assertThat(me("locky", "wrong password " + i).statusCode()).isEqualTo(401);
        }
        assertThat(users.find("locky").orElseThrow().lockedUntil()).as("four failures do not lock").isNull();
        assertThat(me("locky", "wrong password 5").statusCode()).isEqualTo(401);
        Instant lockedUntil = users.find("locky").orElseThrow().lockedUntil();
        assertThat(lockedUntil).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));

        assertThat(me("locky", PASSWORD).statusCode()).as("the 6th attempt, with the right password").isEqualTo(401);
        clock.advance(Duration.ofMinutes(14));
        assertThat(me("locky", PASSWORD).statusCode()).as("still locked").isEqualTo(401);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(me("locky", PASSWORD).statusCode()).as("the lock has run out").isEqualTo(200);
        assertThat(users.find("locky").orElseThrow().lockedUntil()).isNull();

        List<AuditRecord> trail = audit.recent("user", "locky");
        assertThat(trail.stream().filter(r -> r.action().equals("signin.failed"))).hasSize(7);
        assertThat(trail.stream().map(AuditRecord::after).filter(a -> a != null && a.contains("locked until"))).hasSize(3);
        assertThat(trail).allSatisfy(r -> assertThat(String.valueOf(r.after())).doesNotContain("wrong password").doesNotContain(PASSWORD));
        assertThat(trail.getFirst().action()).isEqualTo("user.added");
    }

    @Test
    void passwordsAreStoredAsArgon2Hashes() {
        users.add("hashed", null, null, Set.of(Role.AUDITOR), PASSWORD, "test");
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'hashed'").query(String.class).single();
        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(PASSWORD);
    }

    @Test
    void aTokenIsShownOnceStoredHashedUsedAndRevoked() throws Exception {
        users.add("scripter", null, null, Set.of(Role.REVIEWER), PASSWORD, "test");
        HttpResponse<String> made = send("POST", "/api/tokens", basic("scripter", PASSWORD), "{\"name\": \"nightly report\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(made.body());
        String token = created.get("token").asString();
        long id = created.get("id").asLong();
        assertThat(token).startsWith("scr_").hasSize(4 + 43);

        HttpResponse<String> me = send("GET", "/api/me", "Bearer " + token, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).get("username").asString()).isEqualTo("scripter");
        assertThat(send("GET", "/api/lists", "Bearer " + token, null).statusCode()).isEqualTo(200);

        // only the SHA-256 is in the table; nothing in it is the token
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM api_token WHERE id = :id").param("id", id).query().listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get("token_hash")).isEqualTo(ApiTokens.hash(token));
        assertThat(rows.getFirst().values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(token.substring(4)));
        assertThat(rows.getFirst().get("last_used_at")).isNotNull();
        JsonNode listed = JSON.readTree(send("GET", "/api/tokens", "Bearer " + token, null).body());
        assertThat(listed.toString()).doesNotContain(token.substring(4)).contains("nightly report");

        HttpResponse<String> revoked = send("DELETE", "/api/tokens/" + id, "Bearer " + token, null);
        assertThat(revoked.statusCode()).isEqualTo(200);
        HttpResponse<String> after = send("GET", "/api/me", "Bearer " + token, null);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("\"error\":\"unauthorized\"");
        assertThat(send("GET", "/api/me", "Bearer scr_madeup", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/me", null, null).statusCode()).isEqualTo(401);

        List<AuditRecord> trail = audit.recent("api_token", Long.toString(id));
        assertThat(trail).extracting(AuditRecord::action).containsExactly("token.created", "token.revoked");
        assertThat(trail).allSatisfy(r -> assertThat(r.actor()).isEqualTo("scripter"));
        assertThat(trail).allSatisfy(r -> assertThat(String.valueOf(r.after())).doesNotContain(token.substring(4))
                .doesNotContain(ApiTokens.hash(token)));
    }

    @Test
    void aDisabledUserCannotSignInNorUseTokens() throws Exception {
        users.add("leaver", null, null, Set.of(Role.ANALYST), PASSWORD, "test");
        String token = send("POST", "/api/tokens", basic("leaver", PASSWORD), null).body();
        String secret = JSON.readTree(token).get("token").asString();
        users.disable("leaver", "test");
        assertThat(me("leaver", PASSWORD).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/me", "Bearer " + secret, null).statusCode()).isEqualTo(401);
    }

    @Test
    void withBasicOnTheUnauthorizedAnswerOffersIt() throws Exception {
        users.add("basic-user", null, null, Set.of(Role.REVIEWER), PASSWORD, "test");
        HttpResponse<String> me = me("basic-user", PASSWORD);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().firstValue("Set-Cookie")).as("stateless: no session").isEmpty();
        HttpResponse<String> nobody = send("GET", "/api/me", null, null);
        assertThat(nobody.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("Bearer").contains("Basic");
    }

    private HttpResponse<String> me(String user, String password) throws Exception {
        return send("GET", "/api/me", basic(user, password), null);
    }

    private static String basic(String user, String password) {
        return SignIn.basic(user, password);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String json) {
        return new SignIn(port).api(authorization).send(method, path, json == null ? null : "application/json", json);
    }
}
