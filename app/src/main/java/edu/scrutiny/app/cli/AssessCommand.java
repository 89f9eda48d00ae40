package edu.scrutiny.app.cli;

import edu.scrutiny.app.assessment.Assessment;
import edu.scrutiny.app.assessment.Assessor;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.support.Documents;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code scrutiny --data DIR assess FILE.json [--as-of DATE] [--json]}: assesses without storing. */
@Command(name = "assess",
        mixinStandardHelpOptions = true,
        description = {"Assesses an engagement without storing it: screens every party (and owner) against the lists",
                "in force, applies the directives, country lists and current policy, and prints the tier,",
                "dimension scores, reasons, hits and directives."})
final class AssessCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.json", description = "The engagement (see schemas/engagement.schema.json).")
    Path file;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Assess as of this date (default: the engagement's submitted_on).")
    LocalDate asOf;

    @Option(names = "--json", description = "Print the assessment as one JSON object.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Engagement engagement = EngagementsCommand.read(file);
        return DataSession.run(spec, (session, out) -> {
            session.bean(Engagements.class).validate(engagement, file.toString());
            Assessment a = session.bean(Assessor.class).assess(engagement, asOf);
            if (json) {
                out.println(Documents.toPrettyJson(a));
            } else {
                AssessmentText.print(engagement, a, out);
            }
        });
    }
}
