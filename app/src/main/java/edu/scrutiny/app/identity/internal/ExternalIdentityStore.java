package edu.scrutiny.app.identity.internal;

import edu.scrutiny.app.identity.ExternalIdentity;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** External identities in {@code external_identity}. */
@Repository
public class ExternalIdentityStore {
    private final JdbcClient jdbc;

    ExternalIdentityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ExternalIdentity> find(String issuer, String subject) {
        return jdbc.sql("SELECT * FROM external_identity WHERE issuer = :i AND subject = :s")
                .param("i", issuer).param("s", subject).query(MAPPER).optional();
    }

    public List<ExternalIdentity> byUser(String username) {
        return jdbc.sql("SELECT * FROM external_identity WHERE username = :u ORDER BY issuer, subject")
                .param("u", username).query(MAPPER).list();
    }

    public void insert(String issuer, String subject, String username, boolean providerRoles, String by, Instant now) {
        jdbc.sql("""
                INSERT INTO external_identity (issuer, subject, username, provider_roles, linked_by, linked_at)
                VALUES (:i, :s, :u, :p, :b, :t)""")
                .param("i", issuer).param("s", subject).param("u", username).param("p", providerRoles)
                .param("b", by).param("t", Timestamp.from(now)).update();
    }

    private static final RowMapper<ExternalIdentity> MAPPER = (rs, n) -> new ExternalIdentity(rs.getString("issuer"),
            rs.getString("subject"), rs.getString("username"), rs.getBoolean("provider_roles"), rs.getString("linked_by"),
            rs.getTimestamp("linked_at").toInstant());
}
