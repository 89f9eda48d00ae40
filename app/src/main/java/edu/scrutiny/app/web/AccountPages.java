package edu.scrutiny.app.web;

import edu.scrutiny.app.support.Labels;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.CreatedToken;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.UserAccount;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotFound;
import edu.scrutiny.app.support.NotPermitted;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Users (the administrator adds them and changes their roles; the auditor reads the list) and one's
 * own API tokens (made, shown once, revoked).
 */
@Controller
class AccountPages {
    private final Users users;
    private final ApiTokens tokens;

    AccountPages(Users users, ApiTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    // ---- users

    @GetMapping("/users")
    String users(Actor actor, Model model) {
        return usersPage(actor, FormState.none(), Set.of(), model);
    }

    @PostMapping("/users")
    String addUser(@RequestParam Map<String, String> form, @RequestParam(name = "roles", required = false) List<String> roleKeys,
                   Actor actor, Model model, RedirectAttributes redirect) {
        requireAdministrator(actor);
        Set<Role> roles = roles(roleKeys);
        Map<String, String> values = new LinkedHashMap<>(form);
        values.remove("_csrf");
        values.remove("password"); // never shown again
        try {
            String email = blankToNull(form.get("email"));
            String displayName = blankToNull(form.get("display_name"));
            String password = form.get("password");
            if (password == null || password.isEmpty()) {
                throw new InvalidInput("new user", "password", "is required: at least " + Users.MIN_PASSWORD_LENGTH + " characters");
            }
            UserAccount added = users.add(strip(form.get("username")), displayName, email, roles, password, actor.username());
            redirect.addFlashAttribute("notice", "User " + added.username() + " added");
            return "redirect:/users";
        } catch (InvalidInput e) {
            return usersPage(actor, FormState.invalid("add", values, e), roles, model);
        }
    }

    @PostMapping("/users/{name}/roles")
    String setRoles(@PathVariable String name, @RequestParam(name = "roles", required = false) List<String> roleKeys, Actor actor,
                    Model model, RedirectAttributes redirect) {
        requireAdministrator(actor);
        if (users.find(name).isEmpty()) {
            throw new NotFound("no user " + name);
        }
        UserAccount changed = users.setRoles(name, roles(roleKeys), actor.username());
        redirect.addFlashAttribute("notice", "Roles of " + changed.username() + ": "
                + (changed.roles().isEmpty() ? "none" : Labels.words().all(changed.roles().stream().map(Role::key).sorted().toList())));
        return "redirect:/users";
    }

    /** Disables a user (their open sessions and tokens stop at once) or enables them again. */
    @PostMapping("/users/{name}/enabled")
    String setEnabled(@PathVariable String name, @RequestParam boolean enabled, Actor actor, Model model, RedirectAttributes redirect) {
        requireAdministrator(actor);
        try {
            UserAccount changed = enabled ? users.enable(name, actor.username()) : users.disable(name, actor.username());
            redirect.addFlashAttribute("notice", "User " + changed.username() + (changed.enabled() ? " enabled" : " disabled"));
            return "redirect:/users";
        } catch (InvalidInput e) {
            return usersPage(actor, FormState.refused("enabled", Map.of(), e.problems().getFirst().message()), Set.of(), model);
        }
    }

    private String usersPage(Actor actor, FormState state, Set<Role> chosen, Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", Role.values());
        model.addAttribute("administrator", actor.has(Role.ADMINISTRATOR));
        model.addAttribute("form", state);
        model.addAttribute("chosen", chosen);
        return "users";
    }

    /** The URL rules let only the administrator post here; the page checks again, as the service itself does not. */
    private static void requireAdministrator(Actor actor) {
        if (!actor.has(Role.ADMINISTRATOR)) {
            throw new NotPermitted("users are added and changed by the administrator");
        }
    }

    private static Set<Role> roles(List<String> keys) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        if (keys != null) {
            for (String k : keys) {
                Role.fromKey(k).ifPresent(out::add);
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    // ---- tokens

    @GetMapping("/tokens")
    String tokens(Actor actor, Model model) {
        return tokensPage(actor, null, FormState.none(), model);
    }

    /** Makes a token and shows it this once (on this answer only: not kept, not redirected through the session). */
    @PostMapping("/tokens")
    String createToken(@RequestParam(defaultValue = "") String name, Actor actor, Model model) {
        try {
            CreatedToken created = tokens.create(actor.username(), name, actor.username());
            return tokensPage(actor, created, FormState.none(), model);
        } catch (InvalidInput e) {
            return tokensPage(actor, null, FormState.invalid("token", Map.of("name", name), e), model);
        }
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
        // one's own tokens only here (the administrator revokes others' through the API or the command line)
        tokens.find(id).filter(t -> t.username().equals(actor.username())).orElseThrow(() -> new NotFound("no token " + id));
        tokens.revoke(id, actor);
        redirect.addFlashAttribute("notice", "Token " + id + " revoked");
        return "redirect:/tokens";
    }

    private String tokensPage(Actor actor, CreatedToken created, FormState state, Model model) {
        model.addAttribute("tokens", tokens.list(actor.username()).reversed());
        model.addAttribute("created", created);
        model.addAttribute("form", state);
        return "tokens";
    }
}
