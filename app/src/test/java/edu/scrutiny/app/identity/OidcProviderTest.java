package edu.scrutiny.app.identity;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.audit.AuditLog;
import edu.scrutiny.app.audit.AuditRecord;
import edu.scrutiny.app.testsupport.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenID Connect end to end (finding 7 of issue 13) against a real provider started here: Spring
 * Authorization Server on its own port, reached as {@code 127.0.0.2} (Scrutiny as {@code 127.0.0.1}, so
 * that the two sites' cookies stay apart, as a browser keeps them; the JDK's cookie store mishandles
 * {@code localhost}). The authorization-code flow is
 * driven as a browser drives it: Scrutiny's redirect, the provider's sign-in form, the redirects
 * back, the code exchanged by Scrutiny on the back channel. A first sign-in makes the account with
 * the mapped roles and links it by issuer and subject; a provider user whose
 * {@code preferred_username} is a local account's name is refused until an administrator links it.
 */
@SpringBootTest(classes = edu.scrutiny.app.ScrutinyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext
class OidcProviderTest {
    private static ConfigurableApplicationContext provider;
    private static int scrutinyPort;
    private static String issuer;

    /** The identity provider: its people, and the claims its ID tokens carry. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
            org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
            org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
            org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
            org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
            org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
            org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
            org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration.class,
            org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class,
            org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration.class,
            org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration.class,
            org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration.class,
            org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration.class})
    static class Provider {
        @Bean
        UserDetailsService people() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("alice").password("{noop}alice's provider password").roles("USER").build(),
                    User.withUsername("bob").password("{noop}bob's provider password").roles("USER").build(),
                    // the same name as Scrutiny's local administrator: must not become them
                    User.withUsername("root").password("{noop}root's provider password").roles("USER").build());
        }

        /** {@code preferred_username} and the groups claim ({@code roles}) in the ID token. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims() {
            return context -> {
                if ("id_token".equals(context.getTokenType().getValue())) {
                    String name = context.getPrincipal().getName();
                    context.getClaims().claim("preferred_username", name)
                            .claim("roles", List.of(name.equals("alice") ? "scrutiny-analysts" : "library-patrons"));
                }
            };
        }
    }

    @DynamicPropertySource
    static void providerAndScrutiny(DynamicPropertyRegistry registry) throws IOException {
        scrutinyPort = freePort();
        String client = "spring.security.oauth2.authorizationserver.client.scrutiny.registration.";
        provider = new SpringApplicationBuilder(Provider.class).properties(Map.of(
                "server.port", "0",
                "spring.main.banner-mode", "off",
                client + "client-id", "scrutiny",
                client + "client-secret", "{noop}scrutiny's client secret",
                client + "client-authentication-methods", "client_secret_basic",
                client + "authorization-grant-types", "authorization_code",
                client + "redirect-uris", "http://127.0.0.1:" + scrutinyPort + "/login/oauth2/code/campus",
                client + "scopes", "openid,profile",
                "spring.security.oauth2.authorizationserver.client.scrutiny.require-authorization-consent", "false"))
                .run();
        int providerPort = ((org.springframework.boot.web.server.context.WebServerApplicationContext) provider).getWebServer().getPort();
        issuer = "http://127.0.0.2:" + providerPort;

        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-oidc")));
        registry.add("server.port", () -> scrutinyPort);
        String registration = "spring.security.oauth2.client.registration.campus.";
        registry.add(registration + "client-id", () -> "scrutiny");
        registry.add(registration + "client-secret", () -> "scrutiny's client secret");
        registry.add(registration + "authorization-grant-type", () -> "authorization_code");
        registry.add(registration + "scope", () -> "openid,profile");
        registry.add(registration + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add("spring.security.oauth2.client.provider.campus.issuer-uri", () -> issuer);
        registry.add("scrutiny.security.oidc.role-map.scrutiny-analysts", () -> "analyst");

    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Autowired
    Users users;
    @Autowired
    AuditLog audit;

    @Test
    void aFirstSignInMakesTheUserWithTheMappedRolesLinkedByIssuerAndSubject() {
        SignIn signIn = new SignIn(scrutinyPort);
        SignIn.Session alice = signIn.oidc("campus", "alice", "alice's provider password");
        assertThat(alice.last().uri().toString()).as("%s; failures recorded: %s", alice.history(), audit.recent("user", "alice"))
                .isEqualTo("http://127.0.0.1:" + scrutinyPort + "/");
        assertThat(alice.last().statusCode()).as(alice.last().body()).isEqualTo(200);
        assertThat(alice.last().body()).contains("alice");

        UserAccount account = users.find("alice").orElseThrow();
        assertThat(account.roles()).containsExactly(Role.ANALYST);
        assertThat(account.localPassword()).isFalse();
        assertThat(users.identities("alice")).extracting(ExternalIdentity::issuer, ExternalIdentity::subject, ExternalIdentity::providerRoles)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(issuer, "alice", true));
        assertThat(audit.recent("user", "alice")).extracting(AuditRecord::action)
                .contains("user.added", "user.identity_linked", "signin.succeeded");
        assertThat(alice.get("/lists").statusCode()).as("the session acts as the analyst").isEqualTo(200);

        // a provider user with no mapped group gets an account without roles: a session, no staff page
        SignIn.Session bob = signIn.oidc("campus", "bob", "bob's provider password");
        assertThat(users.find("bob").orElseThrow().roles()).isEmpty();
        assertThat(bob.get("/lists").statusCode()).isEqualTo(403);
    }

    @Test
    void aProviderUserNamedLikeALocalAccountIsRefusedUntilAnAdministratorLinksIt() {
        users.add("root", null, null, Set.of(Role.ADMINISTRATOR), "root's local password, long", "test");
        SignIn signIn = new SignIn(scrutinyPort);
        SignIn.Session refused = signIn.oidc("campus", "root", "root's provider password");
        assertThat(refused.last().uri().toString()).as("%s", refused.history()).contains("/login?error");
        assertThat(refused.get("/users").statusCode()).as("nobody signed in").isEqualTo(302);
        assertThat(users.find("root").orElseThrow().roles()).containsExactly(Role.ADMINISTRATOR);
        assertThat(users.identities("root")).isEmpty();
        List<AuditRecord> trail = audit.recent("user", "root");
        assertThat(trail.getLast().action()).isEqualTo("signin.failed");
        assertThat(trail.getLast().after()).contains("not linked");

        users.link("root", issuer, "root", "test");
        SignIn.Session linked = signIn.oidc("campus", "root", "root's provider password");
        assertThat(linked.last().statusCode()).as(linked.last().body()).isEqualTo(200);
        HttpResponse<String> page = linked.get("/users");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(users.find("root").orElseThrow().roles()).as("a linked account keeps its roles").containsExactly(Role.ADMINISTRATOR);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
