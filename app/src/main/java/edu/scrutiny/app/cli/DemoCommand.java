package edu.scrutiny.app.cli;

import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.desk.BatchStatus;
import edu.scrutiny.app.desk.Channel;
import edu.scrutiny.app.desk.DeskQueries;
import edu.scrutiny.app.desk.DisposeResult;
import edu.scrutiny.app.desk.LoggedScreening;
import edu.scrutiny.app.desk.ScreeningBatches;
import edu.scrutiny.app.desk.ScreeningLog;
import edu.scrutiny.app.desk.Verdict;
import edu.scrutiny.app.directives.DirectiveDocuments;
import edu.scrutiny.app.directives.Directives;
import edu.scrutiny.app.engagement.EngagementDocuments;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.CreatedToken;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.lists.ImportResult;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.policy.Tier;
import edu.scrutiny.lists.ListCategory;
import org.springframework.boot.WebApplicationType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code scrutiny demo}: starts Scrutiny on the embedded default with a demo data directory seeded
 * from what the jar ships, needing no network: two versions of the Entity List written from the
 * Federal Register (ZTE 2016-2017, Huawei and its affiliates from 2019-05-16), ZTE's 2018 denial
 * order, MIT's April 2019 directive on Huawei and ZTE, the default country lists and policy, and
 * seven engagements across the tiers. Seeds once; a second run serves what is there.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {
                "Runs Scrutiny on the embedded default with seeded demo data, and prints its URL.",
                "Seeds (once) a demo data directory with list versions written from public facts (the Entity List",
                "history of Huawei and ZTE, ZTE's 2018 denial order), MIT's April 2019 directive, the default",
                "country lists and policy, engagements across the tiers and a few screenings logged at the desk",
                "(one watched); then serves it until stopped."})
final class DemoCommand implements Callable<Integer> {
    /** What the jar ships under {@code /demo/}, in the order it is imported. */
    record ListSample(String resource, LocalDate effective, ListCategory category) {
    }

    static final List<ListSample> LISTS = List.of(
            new ListSample("lists/2019-04-01/us_bis_entity_list.csv", LocalDate.parse("2019-04-01"), ListCategory.EXPORT_CONTROL),
            new ListSample("lists/2019-06-01/us_bis_entity_list.csv", LocalDate.parse("2019-06-01"), ListCategory.EXPORT_CONTROL),
            new ListSample("lists/us_bis_dpl.csv", LocalDate.parse("2018-04-15"), ListCategory.DENIAL));
    static final String DIRECTIVES = "directives.yaml";
    static final List<String> ENGAGEMENTS = List.of("1-huawei-5g.json", "2-zte-renewal.json", "3-saudi-gift.json",
            "4-tsinghua-ai.json", "5-lakeside-photonics.json", "6-tum-mou.json", "7-visiting-historian.json",
            "8-harbourview-aggregate.json");

    /** The demo accounts, one per role, all with {@link #DEMO_PASSWORD}: for trying Scrutiny out, never for real use. */
    static final List<String> DEMO_USERS = List.of("submitter", "analyst", "reviewer", "admin", "auditor");
    static final String DEMO_PASSWORD = "scrutiny-demo";
    /** Who the demo's engagements are submitted by: the demo submitter, who thus sees them. */
    static final String DEMO_SUBMITTER = "submitter";

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "scrutiny-demo",
            description = "The demo's directory: its data directory and the seed files (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--no-serve", description = "Seed and print, then exit instead of serving.")
    boolean noServe;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path data = dir.resolve("data");
        Path seed = dir.resolve("seed");
        DataSession session = noServe ? DataSession.open(data)
                : DataSession.open(data, WebApplicationType.SERVLET, Map.of("server.port", port, "server.address", "127.0.0.1", "scrutiny.scheduling.enabled", "true"));
        try {
            Engagements engagements = session.bean(Engagements.class);
            if (engagements.all().isEmpty()) {
                out.println("Scrutiny demo: seeding " + data.toAbsolutePath() + " from " + seed.toAbsolutePath());
                seedUsers(session, out);
                seed(session, seed, out);
            } else {
                out.println("Scrutiny demo: " + data.toAbsolutePath() + " is already seeded");
            }
            out.println();
            out.println("Demo accounts (demo only; each has the password " + DEMO_PASSWORD + "): " + String.join(", ", DEMO_USERS.stream()
                    .map(u -> u + " (" + role(u).key() + ")").toList()));
            Assessments assessments = session.bean(Assessments.class);
            out.println();
            out.printf("%-12s %-11s %-11s %s%n", "engagement", "submitted", "tier", "title");
            Map<String, Tier> tiers = assessments.latestTiers();
            for (StoredEngagement e : engagements.all()) {
                String tier = tiers.containsKey(e.id()) ? tiers.get(e.id()).name() : "-";
                out.printf("%-12s %-11s %-11s %s%n", e.id(), e.engagement().submittedOn(), tier, e.engagement().title());
            }
            session.succeeded();
            if (noServe) {
                return ScrutinyCli.OK;
            }
            String url = ServeCommand.url(session, "127.0.0.1");
            java.util.concurrent.CountDownLatch stopped = ServeCommand.announce(session, url);
            out.println();
            out.println("Scrutiny demo is running at " + url);
            out.println("  engagements: " + url + "api/engagements    API documentation: " + url + "api-docs.html");
            out.println("  try: curl -u analyst:" + DEMO_PASSWORD + " " + url + "api/engagements/ENG-000001");
            out.println("  sign in: " + url + "login");
            out.println("Stop with Ctrl-C.");
            out.flush();
            stopped.await();
            return ScrutinyCli.OK;
        } finally {
            if (noServe) {
                session.close();
            }
        }
    }

    static Role role(String demoUser) {
        return "admin".equals(demoUser) ? Role.ADMINISTRATOR : Role.fromKey(demoUser).orElseThrow();
    }

    /** The demo accounts, and an API token for the analyst (printed once, for scripts and the CI smoke test). */
    private static void seedUsers(DataSession session, PrintWriter out) {
        Users users = session.bean(Users.class);
        for (String u : DEMO_USERS) {
            if (users.find(u).isEmpty()) {
                users.add(u, "Demo " + u, null, Set.of(role(u)), DEMO_PASSWORD, "demo");
            }
        }
        CreatedToken token = session.bean(ApiTokens.class).create("analyst", "demo", "demo");
        out.println("  users: " + String.join(", ", DEMO_USERS) + " (demo only)");
        out.println("API token for analyst (demo only): " + token.secret());
    }

    private void seed(DataSession session, Path seed, PrintWriter out) throws IOException {
        ListCatalog catalog = session.bean(ListCatalog.class);
        for (ListSample sample : LISTS) {
            Path file = copy(sample.resource(), seed);
            ImportResult r = catalog.importList(file, sample.effective(), sample.category(), ListCatalog.ImportProgress.NONE, "demo");
            out.println("  " + r.summary());
        }
        Path directivesFile = copy(DIRECTIVES, seed);
        Directives.ImportSummary d = session.bean(Directives.class).importAll(
                DirectiveDocuments.read(Files.readString(directivesFile), directivesFile.toString()), "demo");
        out.println("  directives: " + d.added() + " added (" + directivesFile + ")");
        Engagements engagements = session.bean(Engagements.class);
        for (String name : ENGAGEMENTS) {
            Path file = copy("engagements/" + name, seed);
            engagements.submit(EngagementDocuments.read(Files.readString(file), file.toString()), file.toString(), DEMO_SUBMITTER);
        }
        out.println("  engagements: " + ENGAGEMENTS.size() + " submitted and assessed (" + seed.resolve("engagements") + ")");
        seedScreenings(session, out);
    }

    /** A few screenings at the desk, as the demo analyst ran them: one disposed of, one waiting for review, one watched. */
    private static void seedScreenings(DataSession session, PrintWriter out) {
        ScreeningLog log = session.bean(ScreeningLog.class);
        DisposeResult dispose = session.bean(DisposeResult.class);
        Actor analyst = new Actor("analyst", Set.of(Role.ANALYST), null);
        String source = "demo screenings";
        LoggedScreening vendor = log.screen(DeskQueries.check(source, "Huawei Technologies Co., Ltd.", "Company", List.of("CN"), null, null,
                LocalDate.parse("2019-06-01"), "Vendor check: a quote for 5G test equipment", false, log.listKeys(), log.today()),
                analyst, Channel.DESK);
        vendor.results().stream().findFirst().ifPresent(r -> dispose.dispose(vendor.id(), r.list(), r.sourceId(), Verdict.TRUE_MATCH,
                "The same company: the quote names Shenzhen headquarters", analyst));
        out.println("  screening " + vendor.id() + ": " + vendor.query().name() + ", " + vendor.results().size() + " results"
                + (vendor.results().isEmpty() ? "" : ", the first a true match"));
        LoggedScreening visitor = log.screen(DeskQueries.check(source, "Huawei Technologies UK Co Ltd", "Company", List.of("GB"),
                null, null, null, "Visiting engineer from the UK office: the host's question", false, log.listKeys(), log.today()),
                analyst, Channel.DESK);
        visitor.results().stream().findFirst().ifPresent(r -> dispose.dispose(visitor.id(), r.list(), r.sourceId(), Verdict.NEEDS_REVIEW,
                "An affiliate on the Entity List: ask export control whether the visit needs a licence", analyst));
        out.println("  screening " + visitor.id() + ": " + visitor.query().name() + ", " + visitor.results().size() + " results"
                + (visitor.results().isEmpty() ? "" : ", the first waiting for review"));
        LoggedScreening watched = log.screen(DeskQueries.check(source, "Lakeside Photonics GmbH", "Company", List.of("DE"), null, null, null,
                "Conference sponsor: keep watching while the sponsorship runs", true, log.listKeys(), log.today()), analyst, Channel.DESK);
        out.println("  screening " + watched.id() + ": " + watched.query().name() + ", " + watched.results().size()
                + " results, watched: a list import that changes that tells the analyst");
        // a small batch, as the desk's upload form takes one: screened in the background by the server
        byte[] invitees = """
                id,name,schema,country
                inv-1,Huawei Technologies Co Ltd,Company,CN
                inv-2,National University of Defense Technology,Organization,CN
                inv-3,Lakeside Photonics GmbH,Company,DE
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        BatchStatus batch = session.bean(ScreeningBatches.class).submit(source, "demo-invitees.csv", invitees.length, () -> invitees,
                "Workshop invitees: the demo's batch", null, null, false, analyst);
        out.println("  batch " + batch.id() + ": " + batch.fileName() + ", " + batch.rowsTotal()
                + " rows, screened in the background while the server runs (/screenings/batches/" + batch.id() + ")");
    }

    private static Path copy(String resource, Path seed) throws IOException {
        Path target = seed.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("the demo resource /demo/" + resource + " is missing from the jar");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
