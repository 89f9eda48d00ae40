package edu.scrutiny.app.identity;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * Who an identity provider says a user is, linked to an account: OpenID Connect's issuer and
 * subject, or {@code shibboleth:ATTRIBUTE} and the attribute's value.
 *
 * @param providerRoles whether the provider's roles replace the account's at each sign-in (accounts the
 *                      first sign-in made), or the account keeps the roles the administrator gave it (accounts linked)
 */
public record ExternalIdentity(String issuer, String subject, String username, @JsonProperty("provider_roles") boolean providerRoles,
        @JsonProperty("linked_by") String linkedBy, @JsonProperty("linked_at") Instant linkedAt) {
}
