package edu.scrutiny.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code scrutiny demo}: shows what Scrutiny does on data it ships, needing no network. Until the
 * application exists, that is the list library at work: it writes the bundled sample lists (the
 * US Entity List history of Huawei and ZTE, from the Federal Register, as two versions) into a
 * demo directory, inspects them and shows what changed between the versions.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {
                "Shows Scrutiny at work on the sample lists it ships.",
                "Writes two versions of a sample list (US Entity List facts on Huawei and ZTE, before and after",
                "the May 2019 addition) to a demo directory, inspects the newer and shows what changed."})
final class DemoCommand implements Callable<Integer> {
    /** The sample lists shipped in the jar, under {@code /demo/lists/}. */
    static final List<String> SAMPLES = List.of(
            "2019-04-01/us_bis_entity_list.csv",
            "2019-06-01/us_bis_entity_list.csv");

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "scrutiny-demo",
            description = "Where to write the sample lists (default: ${DEFAULT-VALUE}).")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path lists = dir.resolve("lists");
        Files.createDirectories(lists);
        for (String sample : SAMPLES) {
            Path target = lists.resolve(sample);
            Files.createDirectories(target.getParent());
            copy(sample, target);
        }
        out.println("Scrutiny demo: sample lists written to " + lists.toAbsolutePath());
        out.println();
        out.println("$ scrutiny lists inspect " + lists.resolve(SAMPLES.get(1)));
        out.flush();
        int rc = ScrutinyCli.commandLine().setOut(out).setErr(spec.commandLine().getErr())
                .execute("lists", "inspect", lists.resolve(SAMPLES.get(1)).toString());
        if (rc != 0) {
            return rc;
        }
        out.println("$ scrutiny lists diff " + lists.resolve(SAMPLES.get(0)) + " " + lists.resolve(SAMPLES.get(1)));
        out.flush();
        rc = ScrutinyCli.commandLine().setOut(out).setErr(spec.commandLine().getErr())
                .execute("lists", "diff", lists.resolve(SAMPLES.get(0)).toString(), lists.resolve(SAMPLES.get(1)).toString());
        out.println();
        out.println("Try these on the lists you screen against: ./scrutiny lists inspect PATH, ./scrutiny lists diff OLD NEW");
        out.flush();
        return rc;
    }

    private static void copy(String sample, Path target) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/lists/" + sample)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks its demo list " + sample);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
