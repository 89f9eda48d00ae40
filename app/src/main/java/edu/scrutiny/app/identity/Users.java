package edu.scrutiny.app.identity;

import edu.scrutiny.app.identity.internal.ExternalIdentityStore;
import edu.scrutiny.app.identity.internal.SecuritySettings;
import edu.scrutiny.app.identity.internal.SignInThrottle;
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
    private final SignInThrottle throttle;
    private final ExternalIdentityStore identities;

    Users(UserStore store, PasswordEncoder encoder, ApplicationEventPublisher events, Clock clock, SecuritySettings settings,
            SignInThrottle throttle, ExternalIdentityStore identities) {
        this.throttle = throttle;
        this.identities = identities;
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
     * A user an identity provider (OpenID Connect, Shibboleth) vouched for, found by the identity's
     * issuer and subject, never by the name alone:
     * <ul>
     * <li>an identity already linked signs in as its account; an account the first sign-in made has its
     * name, e-mail and roles brought up to date (the provider is their authority), an account an
     * administrator linked keeps its roles;</li>
     * <li>a new identity whose name no account has makes the account, with the provider's roles, and links it;</li>
     * <li>a new identity whose name an account already has is refused until an administrator links it
     * ({@link #link}): otherwise whoever the provider calls "admin" would become Scrutiny's admin.</li>
     * </ul>
     *
     * @param issuer  the provider's issuer (OpenID Connect) or {@code shibboleth:ATTRIBUTE}
     * @param subject the provider's stable identifier for the user ({@code sub}, or the attribute's value)
     * @param name    the user name the provider suggests for a new account
     * @throws ExternalSignInRefused saying why, when the identity may not sign in
     */
    @Transactional
    public UserAccount signedInExternally(String issuer, String subject, String name, String displayName, String email,
            Set<Role> roles, String method) {
        Optional<ExternalIdentity> linked = identities.find(issuer, subject);
        if (linked.isPresent()) {
            String username = linked.get().username();
            UserAccount before = store.lock(username).orElseThrow().account();
            // what the provider does not say is left as it is
            String shown = displayName == null ? before.displayName() : displayName;
            String mail = email == null ? before.email() : email;
            if (!java.util.Objects.equals(before.displayName(), shown) || !java.util.Objects.equals(before.email(), mail)) {
                store.setProfile(username, shown, mail);
            }
            if (linked.get().providerRoles() && !before.roles().equals(roles)) {
                setRoles(username, roles, method);
            }
            return find(username).orElseThrow();
        }
        if (name == null || !USERNAME.matcher(name).matches()) {
            throw new ExternalSignInRefused("the identity provider's user name is not one Scrutiny can take");
        }
        if (store.lock(name).isPresent()) {
            throw new ExternalSignInRefused("the user name " + name + " belongs to an account not linked to this identity; "
                    + "an administrator can link it (users link " + name + " --issuer ... --subject ...)");
        }
        add(name, displayName, email, roles, null, method);
        identities.insert(issuer, subject, name, true, method, clock.instant());
        events.publishEvent(new ExternalIdentityLinked(name, issuer, subject, method));
        return find(name).orElseThrow();
    }

    /**
     * Links an external identity to an existing account (an administrator's decision): its later
     * sign-ins through that provider sign in as the account, which keeps the roles the administrator gave it.
     *
     * @throws edu.scrutiny.app.support.NotFound when there is no such user
     * @throws InvalidInput                      naming the field: an empty issuer or subject, an identity linked already
     */
    @Transactional
    public ExternalIdentity link(String username, String issuer, String subject, String by) {
        existing(username);
        List<InvalidInput.Problem> problems = new ArrayList<>();
        if (issuer == null || issuer.isBlank() || issuer.length() > 300) {
            problems.add(new InvalidInput.Problem("issuer", "is required: the provider's issuer URL, or shibboleth:ATTRIBUTE (at most 300 characters)"));
        }
        if (subject == null || subject.isBlank() || subject.length() > 300) {
            problems.add(new InvalidInput.Problem("subject", "is required: the provider's identifier of the user (at most 300 characters)"));
        }
        if (problems.isEmpty()) {
            identities.find(issuer.strip(), subject.strip()).ifPresent(other -> problems.add(new InvalidInput.Problem("subject",
                    "this identity is linked to " + other.username() + " already")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput("link for " + username, problems);
        }
        identities.insert(issuer.strip(), subject.strip(), username, false, by, clock.instant());
        events.publishEvent(new ExternalIdentityLinked(username, issuer.strip(), subject.strip(), by));
        return identities.find(issuer.strip(), subject.strip()).orElseThrow();
    }

    /** The external identities linked to a user. */
    public List<ExternalIdentity> identities(String username) {
        return identities.byUser(username);
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

    /**
     * The user can no longer sign in, nor use their tokens; their open web sessions end at their next
     * request (every request reads the account again). An administrator cannot disable their own
     * account, so that no one locks the last administrator out by a slip.
     *
     * @param by who disables the user, for the audit trail
     * @throws edu.scrutiny.app.support.NotFound when there is no such user
     * @throws InvalidInput                      when {@code by} is the user
     */
    @Transactional
    public UserAccount disable(String username, String by) {
        UserAccount before = existing(username);
        if (username.equals(by)) {
            throw new InvalidInput("user " + username, "enabled", "you cannot disable your own account; another administrator can");
        }
        if (before.enabled()) {
            store.setEnabled(username, false);
            events.publishEvent(new UserDisabled(username, by));
        }
        return find(username).orElseThrow();
    }

    /** A disabled user may sign in and use their tokens again. */
    @Transactional
    public UserAccount enable(String username, String by) {
        UserAccount before = existing(username);
        if (!before.enabled()) {
            store.setEnabled(username, true);
            events.publishEvent(new UserEnabled(username, by));
        }
        return find(username).orElseThrow();
    }

    private UserAccount existing(String username) {
        return find(username).orElseThrow(() -> new edu.scrutiny.app.support.NotFound("no user " + username));
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
            throttle.failed(new SignInFailed(username, method, row.isEmpty() ? "unknown user" : "no local password", remoteAddress));
            return SignInResult.BAD_CREDENTIALS;
        }
        UserStore.Row r = row.get();
        Instant now = clock.instant();
        if (!r.account().enabled()) {
            throttle.failed(new SignInFailed(username, method, "disabled", remoteAddress));
            return SignInResult.DISABLED;
        }
        if (r.account().lockedUntil() != null && now.isBefore(r.account().lockedUntil())) {
            throttle.failed(new SignInFailed(username, method, "locked until " + r.account().lockedUntil(), remoteAddress));
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
            throttle.failed(new SignInFailed(username, method, reason, remoteAddress));
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

    /**
     * Announces a sign-in refused before any user could be checked (a forged header, an unknown token):
     * recorded while its address is within the throttle's limit, counted into one aggregate record beyond it.
     */
    public void announceFailure(String username, String method, String reason, String remoteAddress) {
        throttle.failed(new SignInFailed(username, method, reason, remoteAddress));
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
