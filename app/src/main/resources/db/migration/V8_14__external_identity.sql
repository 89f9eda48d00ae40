-- External identities (issue 13, finding 7): who an identity provider says a user is, linked to an
-- account by the provider's issuer and its stable subject, never by a bare user name. For OpenID
-- Connect, issuer is the provider's issuer URL and subject the ID token's sub; for a Shibboleth
-- service provider, issuer is 'shibboleth:' and the configured user header (the attribute, e.g.
-- eppn), subject that header's value. provider_roles: the provider is the authority for the
-- account's roles (true for accounts the first sign-in made; false for an account an administrator
-- linked, whose roles stay as the administrator set them).
CREATE TABLE external_identity (
    issuer         varchar(300) NOT NULL,
    subject        varchar(300) NOT NULL,
    username       varchar(100) NOT NULL REFERENCES app_user (username),
    provider_roles boolean      NOT NULL,
    linked_by      varchar(100) NOT NULL,
    linked_at      timestamp    NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX external_identity_username ON external_identity (username);
