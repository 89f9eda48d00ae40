package edu.scrutiny.app.identity.internal;

import edu.scrutiny.app.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How OpenID Connect claims become a user and roles (no identity provider needed). */
class OidcSignInTest {
    private final SecuritySettings.Oidc settings = new SecuritySettings.Oidc("groups", "preferred_username",
            Map.of("scrutiny-analysts", "analyst", "risk-committee", "reviewer", "it-admins", "administrator", "typo", "nonsense"));

    @Test
    void rolesComeFromTheConfiguredClaimThroughTheMap() {
        OidcSignIn.Identity id = OidcSignIn.identity(Map.of("sub", "8f2c", "preferred_username", "jdoe", "name", "Jane Doe",
                "email", "jdoe@example.edu", "groups", List.of("scrutiny-analysts", "risk-committee", "staff")), settings);
        assertThat(id.username()).isEqualTo("jdoe");
        assertThat(id.nameClaim()).isEqualTo("preferred_username");
        assertThat(id.displayName()).isEqualTo("Jane Doe");
        assertThat(id.email()).isEqualTo("jdoe@example.edu");
        assertThat(id.roles()).containsExactlyInAnyOrder(Role.ANALYST, Role.REVIEWER);
    }

    @Test
    void unmappedValuesAndOtherClaimsGiveNoRole() {
        assertThat(OidcSignIn.identity(Map.of("sub", "1", "groups", List.of("staff", "typo"), "roles", List.of("scrutiny-analysts")),
                settings).roles()).isEmpty();
        assertThat(OidcSignIn.identity(Map.of("sub", "1", "groups", "analyst administrator"), settings).roles())
                .as("a value that names a role is not a role unless the map says so").isEmpty();
        assertThat(OidcSignIn.identity(Map.of("sub", "1"), settings).roles()).isEmpty();
    }

    @Test
    void aClaimGivenAsOneStringIsSplitAndTheDefaultClaimIsRoles() {
        SecuritySettings.Oidc defaults = new SecuritySettings.Oidc("roles", "preferred_username", Map.of("it-admins", "administrator",
                "auditors", "auditor"));
        assertThat(OidcSignIn.identity(Map.of("sub", "1", "roles", "it-admins auditors"), defaults).roles())
                .containsExactlyInAnyOrder(Role.ADMINISTRATOR, Role.AUDITOR);
    }

    @Test
    void theUserNameFallsBackToSubAndIsRequired() {
        OidcSignIn.Identity id = OidcSignIn.identity(Map.of("sub", "user-42"), settings);
        assertThat(id.username()).isEqualTo("user-42");
        assertThat(id.nameClaim()).isEqualTo("sub");
        assertThatThrownBy(() -> OidcSignIn.identity(Map.of("email", "x@example.edu"), settings))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void shibbolethValuesAreSplitOnSemicolons() {
        RoleMapping mapping = new RoleMapping(Map.of("urn:x:analyst", "analyst", "urn:x:submit", "submitter"));
        assertThat(mapping.roles("urn:x:analyst;urn:x:submit;urn:x:other")).containsExactlyInAnyOrder(Role.ANALYST, Role.SUBMITTER);
        assertThat(mapping.roles(null)).isEmpty();
    }
}
