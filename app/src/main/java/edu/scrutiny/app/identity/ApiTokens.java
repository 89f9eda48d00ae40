package edu.scrutiny.app.identity;

import edu.scrutiny.app.identity.internal.TokenStore;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API tokens for scripts: {@code scr_} and 32 random bytes in base64url. A token is shown once,
 * when it is made; only its SHA-256 is stored, so that the table gives nobody a usable token.
 * Owners list and revoke their own; an administrator may revoke anyone's.
 */
@Service
public class ApiTokens {
    public static final String PREFIX = "scr_";
    /** last_used_at is written at most this often per token, so that busy scripts do not write on every call. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final TokenStore store;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(TokenStore store, Users users, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Makes a token for a user.
     *
     * @param name a label for the owner (what the token is for); defaults to {@code token}
     * @param by   who makes it, for the audit trail
     */
    @Transactional
    public CreatedToken create(String username, String name, String by) {
        UserAccount user = users.find(username)
                .orElseThrow(() -> new InvalidInput("token for " + username, "user", "no such user: " + username));
        if (!user.enabled()) {
            throw new InvalidInput("token for " + username, "user", "the user " + username + " is disabled");
        }
        String label = name == null || name.isBlank() ? "token" : name.strip();
        if (label.length() > 200) {
            throw new InvalidInput("token for " + username, "name", "is longer than 200 characters");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = store.insert(username, label, hash(secret), clock.instant());
        events.publishEvent(new TokenCreated(token.id(), username, label, by));
        return new CreatedToken(token, secret);
    }

    /** A user's tokens, revoked ones too, oldest first. */
    public List<ApiToken> list(String username) {
        return store.byUser(username);
    }

    /** Everyone's tokens, oldest first. */
    public List<ApiToken> all() {
        return store.all();
    }

    public Optional<ApiToken> find(long id) {
        return store.find(id);
    }

    /**
     * Revokes a token: its owner's, or anyone's for an administrator (or the system: the command line).
     * Another user's token is answered as if it did not exist.
     *
     * @return the token as revoked
     */
    @Transactional
    public ApiToken revoke(long id, Actor by) {
        ApiToken token = store.find(id)
                .filter(t -> by.isSystem() || by.has(Role.ADMINISTRATOR) || t.username().equals(by.username()))
                .orElseThrow(() -> new NotFound("no token " + id));
        if (store.revoke(id, clock.instant())) {
            events.publishEvent(new TokenRevoked(id, token.username(), by.username()));
        }
        return store.find(id).orElseThrow();
    }

    /** The user a presented token stands for, if it is a token Scrutiny made, not revoked, of an enabled user. */
    @Transactional
    public Optional<Actor> resolve(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiToken> token = store.findByHash(hash(presented)).filter(t -> !t.revoked());
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<Actor> actor = users.actor(token.get().username());
        if (actor.isPresent()) {
            Instant now = clock.instant();
            Instant last = token.get().lastUsedAt();
            if (last == null || !now.isBefore(last.plus(TOUCH_EVERY))) {
                store.touch(token.get().id(), now);
            }
        }
        return actor;
    }

    /** The SHA-256 of a token, in lower-case hex: what {@code api_token.token_hash} holds. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
