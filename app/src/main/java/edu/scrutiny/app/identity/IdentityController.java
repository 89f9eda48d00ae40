package edu.scrutiny.app.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.JsonBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Users (the administrator), who am I, and one's own API tokens. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Users and tokens", description = "Users and roles (administrator), the signed-in user, API tokens")
class IdentityController {
    private final Users users;
    private final ApiTokens tokens;

    IdentityController(Users users, ApiTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    /** A new user: name, roles, and a password for a local account (omit it for OpenID Connect or Shibboleth users). */
    record NewUser(String username, @JsonProperty("display_name") String displayName, String email, List<String> roles,
            String password) {
        @Override
        public String toString() {
            return "NewUser[" + username + "]"; // never the password
        }
    }

    record RoleChange(List<String> roles) {
    }

    /** {@code {"enabled": false}} disables the user (their sessions and tokens stop at once); {@code true} enables them again. */
    record EnabledChange(Boolean enabled) {
    }

    /** An external identity to link: OpenID Connect's issuer and subject, or {@code shibboleth:ATTRIBUTE} and its value. */
    record NewLink(String issuer, String subject) {
    }

    record NewToken(String name) {
    }

    /** A token just made: {@code token} is shown this once. */
    record Created(long id, String name, String token) {
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user and their roles")
    UserAccount me(Actor actor) {
        return users.find(actor.username()).orElseThrow();
    }

    @GetMapping("/users")
    @Operation(summary = "Every user (administrator, auditor)")
    List<UserAccount> listUsers() {
        return users.list();
    }

    @PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a user with roles, and a password (at least 12 characters) for a local account (administrator)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = NewUser.class)))
    UserAccount addUser(@RequestBody String text, Actor actor) {
        NewUser body = JsonBodies.read(text, NewUser.class, "POST /api/users");
        return users.add(body.username(), body.displayName(), body.email(), roles(body.roles(), "POST /api/users"),
                body.password(), actor.username());
    }

    @PutMapping(path = "/users/{name}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set a user's roles (administrator)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = RoleChange.class)))
    UserAccount setRoles(@PathVariable String name, @RequestBody String text, Actor actor) {
        String source = "PUT /api/users/" + name + "/roles";
        RoleChange body = JsonBodies.read(text, RoleChange.class, source);
        if (users.find(name).isEmpty()) {
            throw new edu.scrutiny.app.support.NotFound("no user " + name);
        }
        return users.setRoles(name, roles(body == null ? null : body.roles(), source), actor.username());
    }

    @PutMapping(path = "/users/{name}/enabled", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Disable a user (their open sessions and tokens stop at once) or enable them again (administrator)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = EnabledChange.class)))
    UserAccount setEnabled(@PathVariable String name, @RequestBody String text, Actor actor) {
        String source = "PUT /api/users/" + name + "/enabled";
        EnabledChange body = JsonBodies.read(text, EnabledChange.class, source);
        if (body == null || body.enabled() == null) {
            throw new InvalidInput(source, "enabled", "is required: true or false");
        }
        return body.enabled() ? users.enable(name, actor.username()) : users.disable(name, actor.username());
    }

    @GetMapping("/users/{name}/identities")
    @Operation(summary = "The external identities (OpenID Connect, Shibboleth) linked to a user (administrator, auditor)")
    List<ExternalIdentity> identities(@PathVariable String name) {
        if (users.find(name).isEmpty()) {
            throw new edu.scrutiny.app.support.NotFound("no user " + name);
        }
        return users.identities(name);
    }

    @PostMapping(path = "/users/{name}/identities", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Link an external identity to an existing account, so that its sign-ins through that provider sign in "
            + "as the account (administrator)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = NewLink.class)))
    ExternalIdentity link(@PathVariable String name, @RequestBody String text, Actor actor) {
        String source = "POST /api/users/" + name + "/identities";
        NewLink body = JsonBodies.read(text, NewLink.class, source);
        if (body == null) {
            throw new InvalidInput(source, "issuer", "is required");
        }
        return users.link(name, body.issuer(), body.subject(), actor.username());
    }

    @GetMapping("/tokens")
    @Operation(summary = "The signed-in user's API tokens (never the tokens themselves)")
    List<ApiToken> listTokens(Actor actor) {
        return tokens.list(actor.username());
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make an API token for the signed-in user; the answer shows it this once")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = NewToken.class)))
    Created createToken(@RequestBody(required = false) String text, Actor actor) {
        NewToken body = text == null || text.isBlank() ? null : JsonBodies.read(text, NewToken.class, "POST /api/tokens");
        CreatedToken t = tokens.create(actor.username(), body == null ? null : body.name(), actor.username());
        return new Created(t.token().id(), t.token().name(), t.secret());
    }

    @DeleteMapping("/tokens/{id}")
    @Operation(summary = "Revoke an API token: one's own, or anyone's for the administrator")
    ApiToken revokeToken(@PathVariable long id, Actor actor) {
        return tokens.revoke(id, actor);
    }

    private static Set<Role> roles(List<String> keys, String source) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        List<InvalidInput.Problem> problems = new ArrayList<>();
        if (keys == null) {
            throw new InvalidInput(source, "roles", "is required: a list of role names (submitter, analyst, reviewer, administrator, auditor)");
        }
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            final int at = i;
            Role.fromKey(k).ifPresentOrElse(out::add, () -> problems.add(new InvalidInput.Problem("roles[" + at + "]", "'" + k
                    + "' is not a role (submitter, analyst, reviewer, administrator, auditor)")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(source, problems);
        }
        return out;
    }
}
