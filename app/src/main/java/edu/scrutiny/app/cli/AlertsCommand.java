package edu.scrutiny.app.cli;

import edu.scrutiny.app.monitoring.Alert;
import edu.scrutiny.app.monitoring.Alerts;
import edu.scrutiny.app.support.Documents;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code scrutiny alerts list [--json]} and {@code scrutiny alerts ack ID}. */
@Command(name = "alerts",
        mixinStandardHelpOptions = true,
        description = "Monitoring alerts: new hits, closed hits, tier changes, reviews due, failed list refreshes.",
        subcommands = {AlertsCommand.ListAlerts.class, AlertsCommand.Acknowledge.class})
final class AlertsCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists the open alerts, oldest first. With --json: an array of objects with id, kind, status,",
                    "engagement_id, list, source_id, entity_name, detail, created_at (null where they do not apply)."})
    static final class ListAlerts implements Callable<Integer> {
        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return DataSession.run(spec, (session, out) -> {
                List<Alert> open = session.bean(Alerts.class).open();
                if (json) {
                    out.println(Documents.toPrettyJson(open));
                } else if (open.isEmpty()) {
                    out.println("no open alerts");
                } else {
                    out.printf("%6s  %-24s %-12s %-20s %s%n", "id", "kind", "engagement", "created", "detail");
                    for (Alert a : open) {
                        out.printf("%6d  %-24s %-12s %-20s %s%n", a.id(), a.kind(), a.engagementId() == null ? "-" : a.engagementId(),
                                a.createdAt().toString().substring(0, 19), a.detail());
                    }
                }
            });
        }
    }

    @Command(name = "ack", mixinStandardHelpOptions = true, description = "Acknowledges an alert: it is no longer open.")
    static final class Acknowledge implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID", description = "The alert's id.")
        long id;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return DataSession.run(spec, (session, out) -> {
                Alert a = session.bean(Alerts.class).acknowledge(id, "command line");
                out.println("alert " + a.id() + " acknowledged");
            });
        }
    }
}
