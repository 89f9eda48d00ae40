package edu.scrutiny.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code scrutiny} command line. Exit codes: 0 ok, 1 the command found a problem (for example
 * a malformed file), 2 a usage error.
 */
@Command(name = "scrutiny",
        mixinStandardHelpOptions = true,
        versionProvider = ScrutinyCli.Version.class,
        description = "Due diligence for international research engagements: restricted-party lists, screening and review.")
public final class ScrutinyCli implements java.util.concurrent.Callable<Integer> {
    /**
     * The commands, in the order the usage lists them. They are added in {@link #commandLine(String...)}
     * rather than named in the annotation, so that only the command a line asks for is built.
     */
    static final List<Class<?>> COMMANDS = List.of(
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
            CommandLine.HelpCommand.class);

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
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** The whole command tree, every command built. */
    static CommandLine commandLine() {
        return commandLine((String[]) null);
    }

    /**
     * The command tree for one command line: the command it names (and, after {@code help}, the one
     * help is asked for) is built whole; the others are only named and described, which is all the
     * usage shows of them. Why: picocli builds a command by reflecting over its classes, options and
     * converters, and building all of them took about 0.6 s of CPU at every start (measured with the
     * thread's CPU time around {@code new CommandLine}), most of a {@code --help}. With {@code null}
     * arguments every command is built.
     */
    static CommandLine commandLine(String[] args) {
        Set<String> wanted = args == null ? null : commandWords(args);
        CommandLine cl = new CommandLine(new ScrutinyCli());
        for (Class<?> command : COMMANDS) {
            Command annotation = command.getAnnotation(Command.class);
            if (wanted == null || wanted.contains(annotation.name()) || command == CommandLine.HelpCommand.class) {
                cl.addSubcommand(command);
            } else {
                cl.addSubcommand(annotation.name(), named(annotation));
            }
        }
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

    /**
     * The words of a command line that name commands: the first that is not an option (after the
     * top-level options, of which only {@code --data} takes a value), and the next one after {@code help}.
     */
    static Set<String> commandWords(String[] args) {
        Set<String> words = new HashSet<>();
        boolean afterHelp = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--data")) {
                i++;
            } else if (!a.startsWith("-")) {
                words.add(a);
                if (!afterHelp && a.equals("help")) {
                    afterHelp = true;
                } else {
                    break;
                }
            }
        }
        return words;
    }

    /** A command only named and described, for the usage's list of commands. */
    private static CommandLine named(Command annotation) {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create()
                .name(annotation.name()).aliases(annotation.aliases());
        spec.usageMessage().header(annotation.header()).description(annotation.description()).hidden(annotation.hidden());
        return new CommandLine(spec);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ScrutinyCli.class.getPackage().getImplementationVersion();
            return new String[] {"scrutiny " + (v == null ? "development build" : v)};
        }
    }
}
