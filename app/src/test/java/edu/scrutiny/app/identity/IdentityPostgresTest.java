package edu.scrutiny.app.identity;

import edu.scrutiny.app.ScrutinyApplication;
import edu.scrutiny.app.testsupport.MutableClock;
import edu.scrutiny.app.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Users, lock-out and tokens on PostgreSQL (a fresh database on the server .ci/run starts). */
@EnabledIf("edu.scrutiny.app.testsupport.TestPostgres#available")
@SpringBootTest(classes = {ScrutinyApplication.class, IdentityPostgresTest.Clocks.class},
        properties = {"scrutiny.security.lockout.attempts=3", "scrutiny.security.lockout.duration=2m"})
class IdentityPostgresTest {
    private static final String PASSWORD = "postgres password";

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-02-01T08:00:00Z"));
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestPostgres.freshDatabase();
        registry.add("spring.datasource.url", () -> url);
    }

    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theLockOutFollowsItsSettings() {
        users.add("pg-user", "PG User", "pg@example.edu", Set.of(Role.ANALYST, Role.AUDITOR), PASSWORD, "test");
        assertThat(users.find("pg-user").orElseThrow().roles()).containsExactlyInAnyOrder(Role.ANALYST, Role.AUDITOR);
        for (int i = 0; i < 3; i++) {
            assertThat(users.verifyPassword("pg-user", "wrong", "basic", null, true)).isEqualTo(SignInResult.BAD_CREDENTIALS);
        }
        assertThat(users.verifyPassword("pg-user", PASSWORD, "basic", null, true)).isEqualTo(SignInResult.LOCKED);
        clock.advance(Duration.ofMinutes(2));
        assertThat(users.verifyPassword("pg-user", PASSWORD, "basic", null, true)).isEqualTo(SignInResult.SUCCEEDED);
        assertThat(users.verifyPassword("nobody", PASSWORD, "basic", null, true)).isEqualTo(SignInResult.BAD_CREDENTIALS);
        users.setRoles("pg-user", Set.of(), "test");
        assertThat(users.actor("pg-user").orElseThrow().roles()).isEmpty();
    }

    @Test
    void tokensResolveUntilRevoked() {
        users.add("pg-tokens", null, null, Set.of(Role.REVIEWER), null, "test");
        CreatedToken t = tokens.create("pg-tokens", "script", "pg-tokens");
        assertThat(tokens.resolve(t.secret())).map(Actor::username).contains("pg-tokens");
        assertThat(jdbc.sql("SELECT token_hash FROM api_token WHERE id = :id").param("id", t.token().id()).query(String.class).single())
                .isEqualTo(ApiTokens.hash(t.secret()));
        tokens.revoke(t.token().id(), users.actor("pg-tokens").orElseThrow());
        assertThat(tokens.resolve(t.secret())).isEmpty();
        assertThat(tokens.list("pg-tokens")).singleElement().satisfies(token -> assertThat(token.revoked()).isTrue());
    }
}
