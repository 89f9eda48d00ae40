package edu.scrutiny.app.notification;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Notifications reach the users who hold a role, by the addresses their accounts give; disabled users are left out. */
@SpringBootTest
class UserRecipientsTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-recipients")));
    }

    @Autowired Users users;
    @Autowired List<Recipients> recipients;

    @Test
    void analystsAndSubmittersAreFoundByTheirAccounts() {
        users.add("ana", null, "ana@example.edu", Set.of(Role.ANALYST), null, "test");
        users.add("andy", null, "andy@example.edu", Set.of(Role.ANALYST, Role.REVIEWER), null, "test");
        users.add("anon", null, null, Set.of(Role.ANALYST), null, "test");
        users.add("gone", null, "gone@example.edu", Set.of(Role.ANALYST), null, "test");
        users.disable("gone", "test");
        users.add("sam", null, "sam@example.edu", Set.of(Role.SUBMITTER), null, "test");

        assertThat(recipients.stream().flatMap(r -> r.emailsFor(Role.ANALYST).stream()))
                .containsExactlyInAnyOrder("ana@example.edu", "andy@example.edu");
        assertThat(recipients.stream().map(r -> r.emailOf("sam")).flatMap(java.util.Optional::stream)).containsExactly("sam@example.edu");
        assertThat(recipients.stream().map(r -> r.emailOf("gone")).flatMap(java.util.Optional::stream)).isEmpty();
    }
}
