package edu.scrutiny.app.identity.internal;

import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.UserAccount;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Users in {@code app_user}. */
@Repository
public class UserStore {
    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row with what sign-in needs besides the account. */
    public record Row(UserAccount account, String passwordHash, int failedAttempts) {
    }

    public void insert(String username, String displayName, String email, Set<Role> roles, String passwordHash, Instant now) {
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, email, roles, password_hash, enabled, failed_attempts, created_at)
                VALUES (:u, :d, :e, :r, :p, TRUE, 0, :c)""")
                .param("u", username).param("d", displayName).param("e", email).param("r", encode(roles))
                .param("p", passwordHash).param("c", Timestamp.from(now)).update();
    }

    public Optional<Row> find(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = :u").param("u", username).query(MAPPER).optional();
    }

    /** Locks the row for the rest of the transaction, so that concurrent sign-ins count every failure. */
    public Optional<Row> lock(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = :u FOR UPDATE").param("u", username).query(MAPPER).optional();
    }

    public List<UserAccount> all() {
        return jdbc.sql("SELECT * FROM app_user ORDER BY username").query(MAPPER).list().stream().map(Row::account).toList();
    }

    public void setRoles(String username, Set<Role> roles) {
        jdbc.sql("UPDATE app_user SET roles = :r WHERE username = :u").param("r", encode(roles)).param("u", username).update();
    }

    public void setProfile(String username, String displayName, String email) {
        jdbc.sql("UPDATE app_user SET display_name = :d, email = :e WHERE username = :u")
                .param("d", displayName).param("e", email).param("u", username).update();
    }

    public void setEnabled(String username, boolean enabled) {
        jdbc.sql("UPDATE app_user SET enabled = :e WHERE username = :u").param("e", enabled).param("u", username).update();
    }

    public void setPasswordHash(String username, String hash) {
        jdbc.sql("UPDATE app_user SET password_hash = :p WHERE username = :u").param("p", hash).param("u", username).update();
    }

    public void recordFailure(String username, int failedAttempts, Instant lockedUntil) {
        jdbc.sql("UPDATE app_user SET failed_attempts = :f, locked_until = :l WHERE username = :u")
                .param("f", failedAttempts).param("l", lockedUntil == null ? null : Timestamp.from(lockedUntil))
                .param("u", username).update();
    }

    public void recordSuccess(String username) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE username = :u").param("u", username).update();
    }

    static String encode(Collection<Role> roles) {
        return roles.stream().sorted().map(Role::key).collect(Collectors.joining(","));
    }

    static Set<Role> decode(String roles) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        if (roles != null) {
            for (String key : roles.split(",")) {
                Role.fromKey(key).ifPresent(out::add);
            }
        }
        return out;
    }

    private static final RowMapper<Row> MAPPER = (rs, n) -> {
        Timestamp locked = rs.getTimestamp("locked_until");
        String hash = rs.getString("password_hash");
        return new Row(new UserAccount(rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
                decode(rs.getString("roles")), rs.getBoolean("enabled"), hash != null,
                locked == null ? null : locked.toInstant(), rs.getTimestamp("created_at").toInstant()),
                hash, rs.getInt("failed_attempts"));
    };
}
