package edu.scrutiny.app.cli;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code scrutiny serve [--data DIR] [--port P]}: runs the server until stopped. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = "Runs the Scrutiny server (REST API at /api, OpenAPI at /v3/api-docs) on the data directory until stopped.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--address", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String address;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DataSession session = startServer(ScrutinyCli.dataDirectory(spec), address, port);
        session.succeeded();
        String url = url(session, address);
        CountDownLatch stopped = announce(session, url);
        spec.commandLine().getOut().println("Scrutiny is running at " + url + " (stop with Ctrl-C)");
        spec.commandLine().getOut().flush();
        stopped.await();
        return ScrutinyCli.OK;
    }

    static DataSession startServer(java.nio.file.Path data, String address, int port) {
        return DataSession.open(data, WebApplicationType.SERVLET, Map.of("server.port", port, "server.address", address, "scrutiny.scheduling.enabled", "true"));
    }

    static String url(DataSession session, String address) {
        int actual = ((WebServerApplicationContext) session.context()).getWebServer().getPort();
        String host = "0.0.0.0".equals(address) ? "localhost" : address;
        return "http://" + host + ":" + actual + "/";
    }

    /** Where a running server says it is, in its data directory, so that {@code scrutiny backup} can go through it. */
    static final String SERVER_FILE = "server.url";

    /**
     * Writes the server's URL to {@code DIR/server.url} (whole or not at all: written beside it, then
     * moved) and removes it when the context closes, so that {@code scrutiny backup} can go through a
     * running server. Called before the server says where it is: whoever reads that line finds the file.
     * The returned latch opens when the JVM is asked to stop (SIGTERM, Ctrl-C) and the context has been
     * closed by the shutdown hook Spring registers, which lets requests in flight and the running job
     * step finish.
     */
    static CountDownLatch announce(DataSession session, String url) {
        java.nio.file.Path serverFile = session.dir().resolve(SERVER_FILE);
        java.nio.file.Path partial = session.dir().resolve(SERVER_FILE + ".partial");
        try {
            java.nio.file.Files.writeString(partial, url + System.lineSeparator());
            java.nio.file.Files.move(partial, serverFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new CommandProblem(serverFile + ": cannot write the server's address: " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        session.context().addApplicationListener(e -> {
            if (e instanceof org.springframework.context.event.ContextClosedEvent) {
                try {
                    java.nio.file.Files.deleteIfExists(serverFile);
                } catch (java.io.IOException ignored) {
                    // a stale file is answered with a clear message by scrutiny backup
                }
                stopped.countDown();
            }
        });
        return stopped;
    }
}
