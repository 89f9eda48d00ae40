package edu.scrutiny.app.notification.internal;

import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.UserAccount;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.notification.Recipients;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Who to tell, from the users: the enabled users holding a role who have an e-mail address, and a user's address. */
@Component
class UserRecipients implements Recipients {
    private final Users users;

    UserRecipients(Users users) {
        this.users = users;
    }

    @Override
    public List<String> emailsFor(Role role) {
        return users.list().stream()
                .filter(u -> u.enabled() && u.roles().contains(role) && u.email() != null && !u.email().isBlank())
                .map(UserAccount::email).sorted().toList();
    }

    @Override
    public Optional<String> emailOf(String username) {
        return users.find(username).filter(UserAccount::enabled).map(UserAccount::email).filter(e -> !e.isBlank());
    }
}
