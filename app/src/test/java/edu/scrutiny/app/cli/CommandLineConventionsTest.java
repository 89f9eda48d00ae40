package edu.scrutiny.app.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command, at every level, answers --help with its usage and exit code 0. */
class CommandLineConventionsTest {

    @Test
    void everyCommandHasHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(ScrutinyCli.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThanOrEqualTo(4);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as("%s --help", path).isZero();
            assertThat(run.out()).as("%s --help", path).startsWith("Usage: scrutiny");
        }
    }

    @Test
    void topLevelHelpListsTheCommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.out()).contains("lists").contains("demo");
    }

    /** A command line builds only the command it names; what the usage shows of the others is the same. */
    @Test
    void aCommandLineBuildsOnlyItsCommandAndTheUsageIsTheSame() {
        CommandLine whole = ScrutinyCli.commandLine();
        CommandLine forHelp = ScrutinyCli.commandLine(new String[] {"--help"});
        assertThat(forHelp.getUsageMessage(CommandLine.Help.Ansi.OFF)).isEqualTo(whole.getUsageMessage(CommandLine.Help.Ansi.OFF));

        CommandLine forInspect = ScrutinyCli.commandLine(new String[] {"--data", "lists", "lists", "inspect", "x.csv"});
        assertThat(forInspect.getSubcommands().get("lists").getSubcommands()).containsKey("inspect");
        assertThat(forInspect.getSubcommands().get("engagements").getSubcommands()).isEmpty();
        assertThat(whole.getSubcommands().get("engagements").getSubcommands()).isNotEmpty();

        // help COMMAND prints that command's whole usage
        CliRun help = CliRun.of("help", "engagements");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: scrutiny engagements").contains("submit").contains("list");
        assertThat(help.out()).isEqualTo(CliRun.of("engagements", "--help").out());
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        if (cl.getCommandName().equals("help")) {
            return;
        }
        out.add(List.copyOf(path));
        for (var e : cl.getSubcommands().entrySet()) {
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            collect(e.getValue(), p, out);
        }
    }
}
