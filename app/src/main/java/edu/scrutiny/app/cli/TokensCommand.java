package edu.scrutiny.app.cli;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.ApiToken;
import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.CreatedToken;
import edu.scrutiny.app.identity.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Set;
import java.util.concurrent.Callable;

/** {@code scrutiny tokens create --user NAME [--name LABEL]} and {@code tokens revoke ID}. */
@Command(name = "tokens",
        mixinStandardHelpOptions = true,
        description = "API tokens for scripts (Authorization: Bearer TOKEN): make one for a user, revoke one.",
        subcommands = {TokensCommand.Create.class, TokensCommand.Revoke.class})
final class TokensCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Makes an API token for a user and prints it, once, on standard output (and nothing else",
                    "there); only its SHA-256 is stored."})
    static final class Create implements Callable<Integer> {
        @Option(names = "--user", paramLabel = "NAME", required = true, description = "Whose token it is.")
        String user;

        @Option(names = "--name", paramLabel = "LABEL", description = "What the token is for (default: token).")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return DataSession.run(spec, (session, out) -> {
                CreatedToken t = session.bean(ApiTokens.class).create(user, name, UsersCommand.BY);
                out.println(t.secret());
                spec.commandLine().getErr().println("token " + t.token().id() + " (" + t.token().name() + ") made for "
                        + user + "; it is shown only this once");
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes an API token: it no longer signs anyone in.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID", description = "The token's id.")
        long id;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return DataSession.run(spec, (session, out) -> {
                ApiToken t = session.bean(ApiTokens.class).revoke(id, new Actor(UsersCommand.BY, Set.of(Role.ADMINISTRATOR), null));
                out.println("token " + t.id() + " of " + t.username() + " revoked");
            });
        }
    }
}
