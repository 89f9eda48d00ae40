package edu.scrutiny.app.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code users add|list} and {@code tokens create|revoke}, as the README's contract says. */
class IdentityCommandsTest {
    private static final String PASSWORD = "first administrator's password";
    private final InputStream stdin = System.in;

    @TempDir
    Path dir;

    @AfterEach
    void restoreStdin() {
        System.setIn(stdin);
    }

    private static CliRun withInput(String input, String... args) {
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        return CliRun.of(args);
    }

    @Test
    void addsUsersWithAPasswordFromStandardInputAndListsThem() throws Exception {
        Path data = dir.resolve("data");
        CliRun add = withInput(PASSWORD + "\nignored second line\n", "--data", data.toString(), "users", "add", "ada",
                "--role", "administrator", "--role", "auditor", "--email", "ada@example.edu");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).isEqualTo("user ada added with roles administrator,auditor\n");
        assertThat(add.out() + add.err()).as("the password is not echoed").doesNotContain(PASSWORD);

        CliRun list = CliRun.of("--data", data.toString(), "users", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("ada +administrator,auditor +yes +local +ada@example.edu");

        String hash = query(data, "SELECT password_hash FROM app_user WHERE username = 'ada'").getFirst();
        assertThat(hash).startsWith("{argon2}").doesNotContain(PASSWORD);

        CliRun again = withInput(PASSWORD + "\n", "--data", data.toString(), "users", "add", "ada", "--role", "analyst");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
    }

    @Test
    void refusesAnEmptyOrShortPasswordAndAnUnknownRole() {
        Path data = dir.resolve("data");
        CliRun empty = withInput("", "--data", data.toString(), "users", "add", "bob", "--role", "analyst");
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.err()).contains("the password is empty").contains("standard input");
        CliRun blankLine = withInput("\n", "--data", data.toString(), "users", "add", "bob", "--role", "analyst");
        assertThat(blankLine.exitCode()).isEqualTo(1);
        assertThat(blankLine.err()).contains("the password is empty");
        CliRun shortOne = withInput("eleven char\n", "--data", data.toString(), "users", "add", "bob", "--role", "analyst");
        assertThat(shortOne.exitCode()).isEqualTo(1);
        assertThat(shortOne.err()).contains("shorter than 12 characters").doesNotContain("eleven char");
        assertThat(data).as("nothing stored").doesNotExist();

        CliRun role = withInput(PASSWORD + "\n", "--data", data.toString(), "users", "add", "bob", "--role", "superuser");
        assertThat(role.exitCode()).isEqualTo(2);
        assertThat(role.err()).contains("'superuser' is not a role");
        CliRun none = withInput(PASSWORD + "\n", "--data", data.toString(), "users", "add", "bob");
        assertThat(none.exitCode()).isEqualTo(2);
    }

    @Test
    void makesATokenPrintedOnceAloneOnStandardOutputAndRevokesIt() throws Exception {
        Path data = dir.resolve("data");
        assertThat(withInput(PASSWORD + "\n", "--data", data.toString(), "users", "add", "carol", "--role", "analyst").exitCode()).isZero();

        CliRun create = CliRun.of("--data", data.toString(), "tokens", "create", "--user", "carol", "--name", "nightly");
        assertThat(create.exitCode()).as(create.err()).isZero();
        assertThat(create.out()).matches("scr_[A-Za-z0-9_-]{43}\n");
        String token = create.out().strip();
        assertThat(create.err()).contains("shown only this once").doesNotContain(token);
        List<String> stored = query(data, "SELECT id || ' ' || username || ' ' || name || ' ' || token_hash FROM api_token");
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst()).startsWith("1 carol nightly ").doesNotContain(token.substring(4));

        CliRun nobody = CliRun.of("--data", data.toString(), "tokens", "create", "--user", "nobody");
        assertThat(nobody.exitCode()).isEqualTo(1);
        assertThat(nobody.out()).isEmpty();
        assertThat(nobody.err()).contains("no such user");

        CliRun revoke = CliRun.of("--data", data.toString(), "tokens", "revoke", "1");
        assertThat(revoke.exitCode()).as(revoke.err()).isZero();
        assertThat(revoke.out()).isEqualTo("token 1 of carol revoked\n");
        assertThat(query(data, "SELECT revoked_at FROM api_token WHERE id = 1").getFirst()).isNotNull();
        CliRun missing = CliRun.of("--data", data.toString(), "tokens", "revoke", "99");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no token 99");

        List<String> actions = query(data, "SELECT action FROM audit_log ORDER BY seq");
        assertThat(actions).containsSubsequence("user.added", "token.created", "token.revoked");
    }

    @Test
    void disablesAndEnablesAUserAudited() throws Exception {
        Path data = dir.resolve("data");
        assertThat(withInput(PASSWORD + "\n", "--data", data.toString(), "users", "add", "dan", "--role", "analyst").exitCode()).isZero();
        CliRun disable = CliRun.of("--data", data.toString(), "users", "disable", "dan");
        assertThat(disable.exitCode()).as(disable.err()).isZero();
        assertThat(disable.out()).isEqualTo("user dan disabled\n");
        assertThat(CliRun.of("--data", data.toString(), "users", "list").out()).containsPattern("dan +analyst +no ");
        CliRun enable = CliRun.of("--data", data.toString(), "users", "enable", "dan");
        assertThat(enable.exitCode()).as(enable.err()).isZero();
        assertThat(enable.out()).isEqualTo("user dan enabled\n");
        assertThat(CliRun.of("--data", data.toString(), "users", "list").out()).containsPattern("dan +analyst +yes ");
        CliRun missing = CliRun.of("--data", data.toString(), "users", "disable", "nobody");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no user nobody");
        assertThat(query(data, "SELECT action || ' ' || actor FROM audit_log ORDER BY seq"))
                .containsSubsequence("user.disabled command line", "user.enabled command line");
    }

    private static List<String> query(Path data, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(DataSession.h2Url(data), "sa", "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
