package edu.scrutiny.app.cli;

import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.EngagementDocuments;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.policy.Tier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code scrutiny engagements submit FILE.json} and {@code scrutiny engagements list}. */
@Command(name = "engagements",
        mixinStandardHelpOptions = true,
        description = "Engagements: submit one from its JSON file, list those stored.",
        subcommands = {EngagementsCommand.Submit.class, EngagementsCommand.ListEngagements.class})
final class EngagementsCommand extends CommandGroup {

    /** Reads and checks an engagement file before anything is opened, so bad input touches nothing. */
    static Engagement read(Path file) throws java.io.IOException {
        return EngagementDocuments.read(Files.readString(file), file.toString());
    }

    @Command(name = "submit", mixinStandardHelpOptions = true,
            description = {"Stores an engagement (JSON, see schemas/engagement.schema.json), assesses it, and prints its id.",
                    "The tier is printed on stderr."})
    static final class Submit implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE.json", description = "The engagement.")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Engagement engagement = read(file);
            try (DataSession session = DataSession.open(ScrutinyCli.dataDirectory(spec))) {
                StoredEngagement stored = session.bean(Engagements.class).submit(engagement, file.toString(), "command line");
                spec.commandLine().getOut().println(stored.id());
                session.bean(Assessments.class).latest(stored.id()).ifPresent(a ->
                        spec.commandLine().getErr().println(stored.id() + ": " + a.assessment().tier()
                                + " (policy version " + a.assessment().policyVersion() + ")"));
                session.succeeded();
            }
            return ScrutinyCli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the stored engagements with their latest tier.")
    static final class ListEngagements implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (DataSession session = DataSession.open(ScrutinyCli.dataDirectory(spec))) {
                PrintWriter out = spec.commandLine().getOut();
                Assessments assessments = session.bean(Assessments.class);
                out.printf("%-12s %-12s %-11s %-22s %s%n", "id", "submitted", "tier", "type", "title");
                Map<String, Tier> tiers = assessments.latestTiers();
                for (StoredEngagement e : session.bean(Engagements.class).all()) {
                    String tier = tiers.containsKey(e.id()) ? tiers.get(e.id()).name() : "-";
                    out.printf("%-12s %-12s %-11s %-22s %s%n", e.id(), e.engagement().submittedOn(), tier,
                            e.engagement().type().key(), e.engagement().title());
                }
                session.succeeded();
            }
            return ScrutinyCli.OK;
        }
    }
}
