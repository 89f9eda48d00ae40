package edu.scrutiny.app.identity;

import edu.scrutiny.app.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * OpenID Connect sign-in is switched on by a client registration: the sign-in page offers the
 * provider and sends the browser to it. (No identity provider runs here: the provider's endpoints
 * are named, never called; the claims → roles mapping is {@code OidcSignInTest}'s.)
 */
@SpringBootTest(properties = {
        "spring.security.oauth2.client.registration.campus.client-id=scrutiny",
        "spring.security.oauth2.client.registration.campus.client-secret=not-a-secret",
        "spring.security.oauth2.client.registration.campus.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.campus.scope=openid,profile,email",
        "spring.security.oauth2.client.registration.campus.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.campus.authorization-uri=https://idp.example.edu/authorize",
        "spring.security.oauth2.client.provider.campus.token-uri=https://idp.example.edu/token",
        "spring.security.oauth2.client.provider.campus.jwk-set-uri=https://idp.example.edu/jwks",
        "spring.security.oauth2.client.provider.campus.user-info-uri=https://idp.example.edu/userinfo",
        "spring.security.oauth2.client.provider.campus.user-name-attribute=sub"})
@AutoConfigureMockMvc
@DirtiesContext
class OidcLoginTest {
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

    @Test
    void aRegisteredClientIsOfferedOnTheSignInPageAndSendsTheBrowserToTheProvider() throws Exception {
        String page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/oauth2/authorization/campus").contains("name=\"username\"");
        String location = mvc.perform(get("/oauth2/authorization/campus")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getHeader("Location");
        assertThat(location).startsWith("https://idp.example.edu/authorize?").contains("client_id=scrutiny").contains("scope=openid");
    }
}
