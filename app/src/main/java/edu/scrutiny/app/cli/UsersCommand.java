package edu.scrutiny.app.cli;

import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.UserAccount;
import edu.scrutiny.app.identity.Users;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code scrutiny users add NAME --role ROLE [--role ROLE...] [--email E]} (password on standard input), {@code users list},
 * {@code users disable NAME}, {@code users enable NAME} and {@code users link NAME --issuer ISS --subject SUB}.
 */
@Command(name = "users",
        mixinStandardHelpOptions = true,
        description = "Users: add a local account (the first administrator, for instance), list them, disable or enable one.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class, UsersCommand.Enable.class,
                UsersCommand.Link.class})
final class UsersCommand implements Callable<Integer> {
    static final String BY = "command line";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ScrutinyCli.USAGE;
    }

    /** Role keys as picocli converts them, with the list of valid ones in its message. */
    static final class RoleConverter implements CommandLine.ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            return Role.fromKey(value).orElseThrow(() -> new CommandLine.TypeConversionException("'" + value
                    + "' is not a role (one of submitter, analyst, reviewer, administrator, auditor)"));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a local account. The password is read from standard input (its first line; at least",
                    "12 characters; not echoed when typed at a terminal), e.g. printf '%%s\\n' \"$PW\" | scrutiny users add ..."})
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "The user name.")
        String name;

        @Option(names = "--role", paramLabel = "ROLE", required = true, converter = RoleConverter.class,
                description = "submitter, analyst, reviewer, administrator or auditor; repeat for several.")
        List<Role> roles;

        @Option(names = "--email", paramLabel = "EMAIL", description = "Where notifications go.")
        String email;

        @Option(names = "--display-name", paramLabel = "TEXT", description = "The name shown for the user.")
        String displayName;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String password = readPassword(spec.commandLine().getErr());
            Users.checkPassword(password).ifPresent(problem -> {
                throw new CommandProblem("users add " + name + ": " + problem + " (give the password, at least "
                        + Users.MIN_PASSWORD_LENGTH + " characters, as the first line of standard input)");
            });
            return DataSession.run(spec, (session, out) -> {
                UserAccount user = session.bean(Users.class).add(name, displayName, email, EnumSet.copyOf(roles), password, BY);
                out.println("user " + user.username() + " added with roles " + keys(user.roles()));
            });
        }

        /** The first line of standard input; read without echo at a terminal. */
        private static String readPassword(PrintWriter err) throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] typed = console.readPassword("Password (at least %d characters): ", Users.MIN_PASSWORD_LENGTH);
                return typed == null ? null : new String(typed);
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            return line == null ? null : line.strip();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the users with their roles.")
    static final class ListUsers implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return DataSession.run(spec, (session, out) -> {
                List<UserAccount> users = session.bean(Users.class).list();
                if (users.isEmpty()) {
                    out.println("no users");
                } else {
                    out.printf("%-24s %-40s %-9s %-9s %s%n", "user", "roles", "enabled", "password", "email");
                    for (UserAccount u : users) {
                        out.printf("%-24s %-40s %-9s %-9s %s%n", u.username(), keys(u.roles()), u.enabled() ? "yes" : "no",
                                u.localPassword() ? "local" : "external", u.email() == null ? "-" : u.email());
                    }
                }
            });
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disables a user: they can no longer sign in, their open sessions end at their next request and "
                    + "their API tokens stop working (recorded in the audit trail).")
    static final class Disable implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "The user name.")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return DataSession.run(spec, (session, out) -> {
                session.bean(Users.class).disable(name, BY);
                out.println("user " + name + " disabled");
            });
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true,
            description = "Enables a disabled user again: they may sign in and use their API tokens (recorded in the audit trail).")
    static final class Enable implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "The user name.")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return DataSession.run(spec, (session, out) -> {
                session.bean(Users.class).enable(name, BY);
                out.println("user " + name + " enabled");
            });
        }
    }

    @Command(name = "link", mixinStandardHelpOptions = true,
            description = {"Links an external identity to an existing account: its sign-ins through that provider then sign in",
                    "as the account, which keeps its roles. OpenID Connect: the provider's issuer URL and the user's subject (sub);",
                    "Shibboleth: shibboleth:ATTRIBUTE (the user header, e.g. shibboleth:REMOTE_USER) and the attribute's value."})
    static final class Link implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "The user name.")
        String name;

        @Option(names = "--issuer", paramLabel = "ISS", required = true, description = "The provider's issuer, or shibboleth:ATTRIBUTE.")
        String issuer;

        @Option(names = "--subject", paramLabel = "SUB", required = true, description = "The provider's identifier of the user.")
        String subject;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return DataSession.run(spec, (session, out) -> {
                session.bean(Users.class).link(name, issuer, subject, BY);
                out.println("user " + name + " linked to " + issuer + " " + subject);
            });
        }
    }

    static String keys(Set<Role> roles) {
        return roles.isEmpty() ? "-" : roles.stream().sorted().map(Role::key).collect(Collectors.joining(","));
    }
}
