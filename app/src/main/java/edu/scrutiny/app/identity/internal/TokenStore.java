package edu.scrutiny.app.identity.internal;

import edu.scrutiny.app.identity.ApiToken;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens in {@code api_token}: their SHA-256, never the tokens. */
@Repository
public class TokenStore {
    private final JdbcClient jdbc;

    TokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ApiToken insert(String username, String name, String hash, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO api_token (username, name, token_hash, created_at) VALUES (:u, :n, :h, :c)")
                .param("u", username).param("n", name).param("h", hash).param("c", Timestamp.from(now))
                .update(keys, "id");
        return new ApiToken(keys.getKeyAs(Long.class), username, name, now, null, null);
    }

    public Optional<ApiToken> find(long id) {
        return jdbc.sql("SELECT * FROM api_token WHERE id = :id").param("id", id).query(MAPPER).optional();
    }

    public Optional<ApiToken> findByHash(String hash) {
        return jdbc.sql("SELECT * FROM api_token WHERE token_hash = :h").param("h", hash).query(MAPPER).optional();
    }

    public List<ApiToken> byUser(String username) {
        return jdbc.sql("SELECT * FROM api_token WHERE username = :u ORDER BY id").param("u", username).query(MAPPER).list();
    }

    public List<ApiToken> all() {
        return jdbc.sql("SELECT * FROM api_token ORDER BY id").query(MAPPER).list();
    }

    public boolean revoke(long id, Instant now) {
        return jdbc.sql("UPDATE api_token SET revoked_at = :r WHERE id = :id AND revoked_at IS NULL")
                .param("r", Timestamp.from(now)).param("id", id).update() == 1;
    }

    public void touch(long id, Instant now) {
        jdbc.sql("UPDATE api_token SET last_used_at = :t WHERE id = :id").param("t", Timestamp.from(now)).param("id", id).update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static final RowMapper<ApiToken> MAPPER = (rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("username"),
            rs.getString("name"), rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_used_at")),
            instant(rs.getTimestamp("revoked_at")));
}
