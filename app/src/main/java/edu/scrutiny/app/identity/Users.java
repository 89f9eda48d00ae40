package edu.scrutiny.app.identity;

import edu.scrutiny.app.identity.internal.SecuritySettings;
import edu.scrutiny.app.identity.internal.UserStore;
import edu.scrutiny.app.support.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The identity module's API for users: add (with roles and a local password), change roles,
 * disable, find, list, and check a password with lock-out bookkeeping.
 */
@Service
public class Users {
    /** The shortest local password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    /** Hashed once, so that an unknown user name costs as much time as a wrong password. */
    private volatile String dummyHash;

    private final UserStore store;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecuritySettings settings;

    Users(UserStore store, PasswordEncoder encoder, ApplicationEventPublisher events, Clock clock, SecuritySettings settings) {
        this.store = store;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Adds a local account.
     *
     * @param password the password (at least {@value #MIN_PASSWORD_LENGTH} characters), or null for a user who signs in
     *                 only through OpenID Connect or Shibboleth
     * @param by       who adds the user, for the audit trail
     * @throws InvalidInput naming what is wrong: the name, a taken name, a short password
     */
    @Transactional
    public UserAccount add(String username, String displayName, String email, Set<Role> roles, String password, String by) {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add(new InvalidInput.Problem("username",
                    "must be 1 to 100 letters, digits, '.', '_', '@' or '-', starting with a letter or digit"));
        } else if (store.find(username).isPresent()) {
            problems.add(new InvalidInput.Problem("username", "the user " + username + " already exists"));
        }
        if (password != null) {
            checkPassword(password).ifPresent(m -> problems.add(new InvalidInput.Problem("password", m)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput("user " + username, problems);
        }
        Set<Role> r = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        store.insert(username, displayName, email, r, password == null ? null : encoder.encode(password), clock.instant());
        events.publishEvent(new UserAdded(username, r, by));
        return find(username).orElseThrow();
    }

    /** Why a password is refused, if it is. */
    public static Optional<String> checkPassword(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("the password is empty");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of("the password is shorter than " + MIN_PASSWORD_LENGTH + " characters");
        }
        return Optional.empty();
    }

    /**
     * A user who signed in through an identity provider (OpenID Connect, Shibboleth): added on first
     * sign-in, and their name, e-mail and roles brought up to date on every later one (the provider
     * is the authority for them).
     */
    @Transactional
    public UserAccount signedInExternally(String username, String displayName, String email, Set<Role> roles, String method) {
        Optional<UserStore.Row> existing = store.lock(username);
        if (existing.isEmpty()) {
            add(username, displayName, email, roles, null, method);
        } else {
            UserAccount before = existing.get().account();
            // what the provider does not say is left as it is
            String name = displayName == null ? before.displayName() : displayName;
            String mail = email == null ? before.email() : email;
            if (!java.util.Objects.equals(before.displayName(), name) || !java.util.Objects.equals(before.email(), mail)) {
                store.setProfile(username, name, mail);
            }
            if (!before.roles().equals(roles)) {
                setRoles(username, roles, method);
            }
        }
        return find(username).orElseThrow();
    }

    @Transactional
    public UserAccount setRoles(String username, Set<Role> roles, String by) {
        UserAccount before = find(username).orElseThrow(() -> new InvalidInput("user " + username, "username", "no such user"));
        Set<Role> after = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        if (!before.roles().equals(after)) {
            store.setRoles(username, after);
            events.publishEvent(new UserRolesChanged(username, EnumSet.copyOf(withNone(before.roles())), after, by));
        }
        return find(username).orElseThrow();
    }

    private static Set<Role> withNone(Set<Role> roles) {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles;
    }

    /** The user can no longer sign in, nor use their tokens. */
    @Transactional
    public void disable(String username, String by) {
        UserAccount before = find(username).orElseThrow(() -> new InvalidInput("user " + username, "username", "no such user"));
        if (before.enabled()) {
            store.setEnabled(username, false);
            events.publishEvent(new UserDisabled(username, by));
        }
    }

    public Optional<UserAccount> find(String username) {
        return username == null ? Optional.empty() : store.find(username).map(UserStore.Row::account);
    }

    /** The user as an Actor, if they exist and are enabled. */
    public Optional<Actor> actor(String username) {
        return find(username).filter(UserAccount::enabled).map(UserAccount::actor);
    }

    /** Every user, by name. */
    public List<UserAccount> list() {
        return store.all();
    }

    /**
     * Checks a password. Every failure counts; the {@code attempts}-th in a row (5 by default) locks
     * the account for {@code duration} (15 minutes), during which even the right password is refused.
     * A success resets the count. Each outcome is announced ({@link SignedIn} or {@link SignInFailed})
     * unless {@code announceSuccess} is false (HTTP Basic: every request signs in anew).
     *
     * @param method        how the password came: {@code form}, {@code basic}
     * @param remoteAddress where from, for the audit trail, or null
     */
    @Transactional
    public SignInResult verifyPassword(String username, String password, String method, String remoteAddress, boolean announceSuccess) {
        Optional<UserStore.Row> row = username == null ? Optional.empty() : store.lock(username);
        if (row.isEmpty() || row.get().passwordHash() == null) {
            encoder.matches(password == null ? "" : password, dummyHash()); // the same time as a wrong password
            events.publishEvent(new SignInFailed(username, method, row.isEmpty() ? "unknown user" : "no local password", remoteAddress));
            return SignInResult.BAD_CREDENTIALS;
        }
        UserStore.Row r = row.get();
        Instant now = clock.instant();
        if (!r.account().enabled()) {
            events.publishEvent(new SignInFailed(username, method, "disabled", remoteAddress));
            return SignInResult.DISABLED;
        }
        if (r.account().lockedUntil() != null && now.isBefore(r.account().lockedUntil())) {
            events.publishEvent(new SignInFailed(username, method, "locked until " + r.account().lockedUntil(), remoteAddress));
            return SignInResult.LOCKED;
        }
        if (password == null || !encoder.matches(password, r.passwordHash())) {
            // a lock that has run out starts a new count
            int failures = (r.account().lockedUntil() != null ? 0 : r.failedAttempts()) + 1;
            Instant lockedUntil = null;
            String reason = "bad password";
            if (failures >= settings.lockout().attempts()) {
                lockedUntil = now.plus(settings.lockout().duration());
                reason = "bad password; locked until " + lockedUntil + " after " + failures + " failures";
                failures = 0;
            }
            store.recordFailure(username, failures, lockedUntil);
            events.publishEvent(new SignInFailed(username, method, reason, remoteAddress));
            return SignInResult.BAD_CREDENTIALS;
        }
        if (r.failedAttempts() != 0 || r.account().lockedUntil() != null) {
            store.recordSuccess(username);
        }
        if (encoder.upgradeEncoding(r.passwordHash())) {
            store.setPasswordHash(username, encoder.encode(password));
        }
        if (announceSuccess) {
            events.publishEvent(new SignedIn(username, method, remoteAddress));
        }
        return SignInResult.SUCCEEDED;
    }

    /** Announces a sign-in that an identity provider vouched for (OpenID Connect, Shibboleth). */
    public void announceSignIn(String username, String method, String remoteAddress) {
        events.publishEvent(new SignedIn(username, method, remoteAddress));
    }

    /** Announces a sign-in refused before any user could be checked (a forged header, an unknown token). */
    public void announceFailure(String username, String method, String reason, String remoteAddress) {
        events.publishEvent(new SignInFailed(username, method, reason, remoteAddress));
    }

    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            h = encoder.encode("not a password anyone has");
            dummyHash = h;
        }
        return h;
    }
}
