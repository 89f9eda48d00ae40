package edu.scrutiny.app.identity;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.audit.AuditLog;
import edu.scrutiny.app.audit.AuditRecord;
import edu.scrutiny.app.identity.internal.SecuritySettings;
import edu.scrutiny.app.testsupport.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sign-in by a Shibboleth service provider's headers over a real server (findings 7 and 8 of issue
 * 13): believed only with the provider's shared secret, never by the remote address (which a client
 * can forge through forwarded headers); an identity is linked by the attribute's value, and a name
 * that belongs to a local account is refused until an administrator links it. Runs with
 * {@code scrutiny.security.tls}: the session cookie is {@code Secure} and every answer carries HSTS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "scrutiny.security.shibboleth.secret=" + ShibbolethTest.SECRET,
        "scrutiny.security.tls=true",
        "scrutiny.security.shibboleth.role-map[urn\\:mace\\:example.edu\\:scrutiny\\:analyst]=analyst",
        "scrutiny.security.shibboleth.role-map[urn\\:mace\\:example.edu\\:scrutiny\\:audit]=auditor"})
@DirtiesContext
class ShibbolethTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef-shib";
    private static final String SECRET_HEADER = "Scrutiny-Shibboleth-Secret";
    private static final String ANALYST = "urn:mace:example.edu:scrutiny:analyst;urn:mace:example.edu:library:patron";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-shibboleth")));
    }

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    AuditLog audit;

    /** What the service provider adds to a request it forwards. */
    private SignIn.Session provider(String user, String entitlements, String secret) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("REMOTE_USER", user);
        if (entitlements != null) {
            headers.put("entitlement", entitlements);
        }
        if (secret != null) {
            headers.put(SECRET_HEADER, secret);
        }
        return new SignIn(port).shibboleth(headers);
    }

    @Test
    void theProvidersHeadersWithItsSecretSignTheUserInWithMappedRoles() {
        HttpResponse<String> home = provider("alice@example.edu", ANALYST, SECRET).get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("alice@example.edu");
        UserAccount alice = users.find("alice@example.edu").orElseThrow();
        assertThat(alice.roles()).containsExactly(Role.ANALYST);
        assertThat(alice.localPassword()).isFalse();
        assertThat(users.identities("alice@example.edu")).extracting(ExternalIdentity::issuer, ExternalIdentity::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shibboleth:REMOTE_USER", "alice@example.edu"));
        assertThat(audit.recent("user", "alice@example.edu")).extracting(AuditRecord::action)
                .contains("user.added", "user.identity_linked", "signin.succeeded");

        // the provider is the authority for the roles of an account its first sign-in made
        assertThat(provider("alice@example.edu", "urn:mace:example.edu:scrutiny:audit", SECRET).get("/").statusCode()).isEqualTo(200);
        assertThat(users.find("alice@example.edu").orElseThrow().roles()).containsExactly(Role.AUDITOR);

        // behind TLS: HSTS on every answer, the session cookie only over HTTPS, and never to another site's POST
        assertThat(home.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=31536000").contains("includeSubDomains");
        String cookie = home.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void theHeadersWithoutTheSecretAreRefusedFromAnyAddressAndRecorded() {
        for (String secret : new String[] {null, "wrong", SECRET.substring(1), SECRET + "x"}) {
            SignIn.Session forged = provider("mallory", ANALYST, secret);
            HttpResponse<String> page = forged.get("/");
            assertThat(page.statusCode()).as(String.valueOf(secret)).isEqualTo(403);
        }
        // loopback, and a forwarded address claiming to be the provider: no different
        SignIn.Session viaProxyHeaders = new SignIn(port).shibboleth(Map.of("REMOTE_USER", "mallory", "X-Forwarded-For", "127.0.0.1"));
        assertThat(viaProxyHeaders.get("/api/me").statusCode()).isEqualTo(403);
        assertThat(users.find("mallory")).isEmpty();
        List<AuditRecord> trail = audit.recent("user", "mallory");
        assertThat(trail).extracting(AuditRecord::action).containsOnly("signin.failed");
        assertThat(trail.getFirst().after()).contains("without the service provider's secret").doesNotContain(SECRET);
        // without the user header, the secret alone signs nobody in
        assertThat(new SignIn(port).shibboleth(Map.of(SECRET_HEADER, SECRET)).get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void aLocalAccountsNameIsRefusedUntilAnAdministratorLinksIt() {
        users.add("carol", null, null, Set.of(Role.AUDITOR), "carol's local password", "test");
        HttpResponse<String> refused = provider("carol", ANALYST, SECRET).get("/");
        assertThat(refused.statusCode()).as("not signed in: to the sign-in page").isEqualTo(302);
        assertThat(users.find("carol").orElseThrow().roles()).as("roles untouched").containsExactly(Role.AUDITOR);
        assertThat(audit.recent("user", "carol")).extracting(AuditRecord::action).contains("signin.failed");
        assertThat(audit.recent("user", "carol").getLast().after()).contains("not linked");

        users.add("root", null, null, Set.of(Role.ADMINISTRATOR), "root's local password", "test");
        SignIn.Api admin = new SignIn(port).token(tokens.create("root", "t", "test").secret());
        HttpResponse<String> linked = admin.json("POST", "/api/users/carol/identities",
                "{\"issuer\": \"shibboleth:REMOTE_USER\", \"subject\": \"carol\"}");
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
        assertThat(admin.json("POST", "/api/users/carol/identities", "{\"issuer\": \"shibboleth:REMOTE_USER\", \"subject\": \"carol\"}")
                .body()).contains("subject").contains("linked to carol already");
        assertThat(admin.json("POST", "/api/users/carol/identities", "{\"subject\": \"x\"}").body()).contains("issuer");
        assertThat(admin.get("/api/users/carol/identities").body()).contains("shibboleth:REMOTE_USER");

        HttpResponse<String> home = provider("carol", ANALYST, SECRET).get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(users.find("carol").orElseThrow().roles()).as("a linked account keeps the administrator's roles")
                .containsExactly(Role.AUDITOR);
        assertThat(audit.recent("user", "carol")).extracting(AuditRecord::action, AuditRecord::actor)
                .contains(org.assertj.core.groups.Tuple.tuple("user.identity_linked", "root"));
    }

    @Test
    void theSettingsSayWhatIsWrong() {
        assertThatThrownBy(() -> new SecuritySettings.Shibboleth(null, "h", "REMOTE_USER", "entitlement", true, null, null))
                .hasMessageContaining("scrutiny.security.shibboleth.secret");
        assertThatThrownBy(() -> new SecuritySettings.Shibboleth("short", "h", "REMOTE_USER", "entitlement", null, null, null))
                .hasMessageContaining("at least 32 characters");
        assertThatThrownBy(() -> new SecuritySettings.Shibboleth(SECRET, "h", "REMOTE_USER", "entitlement", null, List.of("10.0.0.5"), null))
                .hasMessageContaining("trusted-proxies is no longer used");
        assertThat(new SecuritySettings.Shibboleth(null, "h", "REMOTE_USER", "entitlement", null, null, null).on()).isFalse();
    }

    @Autowired
    ApiTokens tokens;
}
