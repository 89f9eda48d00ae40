package edu.scrutiny.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The {@code scrutiny} command line. Exit codes: 0 ok, 1 the command found a problem (for example
 * a malformed file), 2 a usage error.
 */
@Command(name = "scrutiny",
        mixinStandardHelpOptions = true,
        versionProvider = ScrutinyCli.Version.class,
        description = "Due diligence for international research engagements: restricted-party lists, screening and review.",
        subcommands = {
                ListsCommand.class,
                DirectivesCommand.class,
                InstitutionsCommand.class,
                EngagementsCommand.class,
                AssessCommand.class,
                AlertsCommand.class,
                AuditCommand.class,
                ExportCommand.class,
                ReportCommand.class,
                UsersCommand.class,
                TokensCommand.class,
                ServeCommand.class,
                ScreenCommand.class,
                PairsCommand.class,
                EvaluateCommand.class,
                DemoCommand.class,
                BackupCommand.class,
                RestoreCommand.class,
                CommandLine.HelpCommand.class
        })
public final class ScrutinyCli implements java.util.concurrent.Callable<Integer> {
    public static final int OK = 0;
    public static final int PROBLEM = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Inherited by every subcommand, so both {@code scrutiny --data DIR lists import} and {@code scrutiny serve --data DIR} work. */
    @CommandLine.Option(names = "--data", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            defaultValue = "./scrutiny-data",
            description = "The data directory (created when missing; default: ${DEFAULT-VALUE}). Holds the embedded database.")
    Path data;

    /** The data directory of the command line a subcommand runs in. */
    static Path dataDirectory(CommandLine.Model.CommandSpec spec) {
        return ((ScrutinyCli) spec.root().userObject()).data;
    }

    /** Without a subcommand there is nothing to do: that is a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ScrutinyCli.USAGE;
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given output streams and returns its exit code; used by tests too. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ScrutinyCli());
        cl.setExecutionExceptionHandler(new ProblemHandler());
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("error: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return USAGE;
        });
        cl.setExitCodeExceptionMapper(t -> PROBLEM);
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ScrutinyCli.class.getPackage().getImplementationVersion();
            return new String[] {"scrutiny " + (v == null ? "development build" : v)};
        }
    }
}
