package edu.scrutiny.app.cli;

import edu.scrutiny.app.lists.ImportResult;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.monitoring.Rescreening;
import edu.scrutiny.lists.ListCategory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code scrutiny --data DIR lists import PATH [--effective DATE] [--category CATEGORY]}. */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        description = {
                "Imports a list version into the data directory, re-screens the engagements against what it changed,",
                "and prints a one-line summary (entries added, removed, changed; engagements re-screened; alerts raised).",
                "The whole list is read before anything is written, and the version and its entries are",
                "written in one transaction: a list that fails to parse, or an import that is interrupted,",
                "leaves the previous version in force."})
final class ListsImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATH", description = "The list: a file, a directory (OFAC CSV set) or a zip.")
    Path path;

    @Option(names = "--effective", paramLabel = "YYYY-MM-DD",
            description = "The date from which the version is in force (default: today).")
    LocalDate effective;

    @Option(names = "--category", paramLabel = "CATEGORY", converter = CategoryConverter.class,
            description = "For Scrutiny CSV (and FollowTheMoney) files: sanctions, denial, export_control, "
                    + "research_security or watchlist (default: watchlist). Official formats carry their own.")
    ListCategory category;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try (DataSession session = DataSession.open(ScrutinyCli.dataDirectory(spec))) {
            ImportResult result = session.bean(ListCatalog.class).importList(path, effective, category, new ListCatalog.ImportProgress() {
                private Progress storing;

                @Override
                public void read(long entries) {
                }

                @Override
                public void storing(int total) {
                    err.println("storing " + total + " entries...");
                    err.flush();
                    storing = new Progress(err, "entries", total);
                }

                @Override
                public void stored(int done, int total) {
                    if (storing != null) {
                        storing.update(done);
                    }
                }
            }, "command line");
            // one line: the import, then what re-screening the engagements against the change found
            String rescreen = result.duplicate() ? "" : session.bean(Rescreening.class).summaryFor(result.version().id())
                    .map(r -> "; " + r.line()).orElse("");
            spec.commandLine().getOut().println(result.summary() + rescreen);
            session.succeeded();
        }
        return ScrutinyCli.OK;
    }

    static final class CategoryConverter implements CommandLine.ITypeConverter<ListCategory> {
        @Override
        public ListCategory convert(String value) {
            return ListCategory.fromKey(value).filter(c -> c.key().equals(value)).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a list category; expected one of sanctions, denial, export_control, research_security, watchlist"));
        }
    }
}
