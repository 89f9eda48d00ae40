package edu.scrutiny.app.cli;

import edu.scrutiny.app.monitoring.ListSources;
import edu.scrutiny.app.monitoring.RefreshOutcome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code scrutiny lists refresh [LIST] [--confirm]}. */
@Command(name = "refresh",
        mixinStandardHelpOptions = true,
        description = {"Refreshes a list (or every list with a source) from its source now: fetches, verifies, imports a new",
                "version effective today and re-screens the engagements against the change. A failed or suspicious refresh",
                "keeps the version in force, raises LIST_REFRESH_FAILED and exits 1."})
final class ListsRefreshCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "LIST", description = "The list to refresh (default: all with a source).")
    String list;

    @Option(names = "--confirm", description = "Accept a version with fewer than half the entries of the one in force.")
    boolean confirm;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (DataSession session = DataSession.open(ScrutinyCli.dataDirectory(spec))) {
            List<RefreshOutcome> outcomes = session.bean(ListSources.class).refresh(list, confirm, "command line");
            boolean failed = false;
            for (RefreshOutcome o : outcomes) {
                if (o.failed()) {
                    failed = true;
                    spec.commandLine().getErr().println("error: " + o.message());
                } else {
                    spec.commandLine().getOut().println(o.message());
                }
            }
            if (outcomes.isEmpty()) {
                spec.commandLine().getOut().println("no list sources; add one with: lists sources add LIST URL_OR_PATH");
            }
            session.succeeded();
            return failed ? ScrutinyCli.PROBLEM : ScrutinyCli.OK;
        }
    }
}
