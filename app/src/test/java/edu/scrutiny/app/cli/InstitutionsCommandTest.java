package edu.scrutiny.app.cli;

import edu.scrutiny.app.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code institutions import | list | show} on a data directory, in-process, with the ROR fixtures of the scenarios. */
class InstitutionsCommandTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = dir.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    @Test
    void importsListsAndShowsAndABadDumpChangesNothing() throws IOException {
        assertThat(run("institutions", "list").out()).contains("no ROR dump has been imported");
        String good = Files.readString(Scenarios.pathOf("/institutions/ror-v2.json"));
        Path zip = dir.resolve("v1.58-2024-12-11-ror-data.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("v1.58-2024-12-11-ror-data_schema_v2.json"));
            out.write(good.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        CliRun imported = run("institutions", "import", zip.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("ROR: imported version 1").contains("3 records (first version)");

        Path nameless = dir.resolve("nameless.json");
        Files.writeString(nameless, good.replaceFirst("(?s)\"names\": \\[\\s*\\{\"value\": \"Binhai.*?\\],\\s*\"relationships\"",
                "\"names\": [], \"relationships\""));
        CliRun refused = run("institutions", "import", nameless.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains(nameless + " record 2").contains("https://ror.org/01zzzzz99").contains("has no names")
                .doesNotContain("Exception");
        Path truncated = dir.resolve("truncated.zip");
        byte[] bytes = Files.readAllBytes(zip);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CliRun cut = run("institutions", "import", truncated.toString());
        assertThat(cut.exitCode()).isEqualTo(1);
        assertThat(cut.err()).contains("truncated.zip");

        CliRun list = run("institutions", "list");
        assertThat(list.out()).contains("(in force)").contains("command line").contains(zip.toString());
        assertThat(list.out().lines().filter(l -> l.contains("(in force)")).count()).isEqualTo(1);
        assertThat(list.out()).doesNotContain("nameless");

        CliRun show = run("institutions", "show", "01zzzzz99");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("https://ror.org/01zzzzz99  Binhai Institute of Military Engineering  (inactive)")
                .contains("name: Binhai Military Engineering College  [alias; en]")
                .contains("successor: https://ror.org/05abcde12 Northern Polytechnical University of Defence Technology");
        CliRun missing = run("institutions", "show", "0aaaaaaaa");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no ROR record 0aaaaaaaa");

        CliRun again = run("institutions", "import", zip.toString());
        assertThat(again.out()).contains("already in force as version 1");
        CliRun audit = run("audit", "export");
        assertThat(audit.out()).contains("\"institutions.imported\"").containsOnlyOnce("institutions.imported");
    }
}
