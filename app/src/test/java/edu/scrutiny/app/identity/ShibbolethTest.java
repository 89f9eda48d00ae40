package edu.scrutiny.app.identity;

import edu.scrutiny.app.audit.AuditLog;
import edu.scrutiny.app.audit.AuditRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sign-in by a Shibboleth service provider's headers: believed from the trusted proxy only. */
@SpringBootTest(properties = {
        "scrutiny.security.shibboleth.enabled=true",
        "scrutiny.security.shibboleth.trusted-proxies=10.0.0.5,::1",
        "scrutiny.security.shibboleth.role-map[urn\\:mace\\:example.edu\\:scrutiny\\:analyst]=analyst",
        "scrutiny.security.shibboleth.role-map[urn\\:mace\\:example.edu\\:scrutiny\\:audit]=auditor"})
@AutoConfigureMockMvc
@DirtiesContext
class ShibbolethTest {
    private static final String ENTITLEMENTS = "urn:mace:example.edu:scrutiny:analyst;urn:mace:example.edu:library:patron";

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + data.resolve("scrutiny")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Users users;
    @Autowired
    AuditLog audit;

    private static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    @Test
    void theTrustedProxysHeadersSignTheUserInWithMappedRoles() throws Exception {
        mvc.perform(get("/").header("REMOTE_USER", "alice@example.edu").header("entitlement", ENTITLEMENTS).with(from("10.0.0.5")))
                .andExpect(status().isOk())
                .andExpect(authenticated().withUsername("alice@example.edu").withRoles("ANALYST"));
        UserAccount alice = users.find("alice@example.edu").orElseThrow();
        assertThat(alice.roles()).containsExactly(Role.ANALYST);
        assertThat(alice.localPassword()).isFalse();
        assertThat(audit.recent("user", "alice@example.edu")).extracting(AuditRecord::action).contains("user.added", "signin.succeeded");

        // the provider is the authority for roles: a later sign-in brings them up to date
        mvc.perform(get("/").header("REMOTE_USER", "alice@example.edu").header("entitlement", "urn:mace:example.edu:scrutiny:audit")
                        .with(from("10.0.0.5")))
                .andExpect(authenticated().withRoles("AUDITOR"));
        assertThat(users.find("alice@example.edu").orElseThrow().roles()).containsExactly(Role.AUDITOR);
        assertThat(audit.recent("user", "alice@example.edu")).extracting(AuditRecord::action).contains("user.roles_changed");
    }

    @Test
    void theHeadersFromAnyOtherAddressAreRefusedAndRecorded() throws Exception {
        mvc.perform(get("/").header("REMOTE_USER", "mallory").header("entitlement", ENTITLEMENTS).with(from("192.0.2.44")))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
        mvc.perform(get("/api/me").header("REMOTE_USER", "mallory").with(from("192.0.2.44")))
                .andExpect(status().isForbidden());
        assertThat(users.find("mallory")).isEmpty();
        List<AuditRecord> trail = audit.recent("user", "mallory");
        assertThat(trail).extracting(AuditRecord::action).containsOnly("signin.failed").hasSize(2);
        assertThat(trail.getFirst().after()).contains("192.0.2.44").contains("shibboleth");

        // a name Scrutiny cannot take is refused, not an error
        mvc.perform(get("/").header("REMOTE_USER", "not a name!").with(from("10.0.0.5")))
                .andExpect(status().is3xxRedirection()).andExpect(unauthenticated());

        // the same address without the header is an ordinary visitor
        mvc.perform(get("/").with(from("192.0.2.44"))).andExpect(status().is3xxRedirection()).andExpect(unauthenticated());
    }
}
