package edu.scrutiny.app.cli;

import edu.scrutiny.app.operations.BackupArchive;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/**
 * {@code scrutiny backup --out FILE}: a backup of the embedded data directory. When a server holds
 * the directory (it writes {@code DIR/server.url} while it runs), through that server's
 * {@code POST /api/admin/backup} with an administrator's API token; otherwise directly. The file
 * appears whole or not at all.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Backs up the data directory (H2: the database and the list sources' local files) into one zip file.")
final class BackupCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The backup file to write (a zip).")
    Path out;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "An administrator's API token, needed when a running server holds the directory (default: $SCRUTINY_TOKEN).")
    String token;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dir = ScrutinyCli.dataDirectory(spec).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(DataSession.H2_FILE)) && System.getenv("SPRING_DATASOURCE_URL") == null) {
            throw new CommandProblem(dir + ": no Scrutiny database here (expected " + DataSession.H2_FILE + ")");
        }
        Path target = out.toAbsolutePath();
        if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
            throw new CommandProblem(out + ": the directory " + target.getParent() + " does not exist");
        }
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        try {
            Path serverFile = dir.resolve(ServeCommand.SERVER_FILE);
            String via;
            if (Files.isRegularFile(serverFile)) {
                String url = Files.readString(serverFile, StandardCharsets.UTF_8).strip();
                throughServer(url, temp);
                via = "through the server at " + url;
            } else {
                try (DataSession session = DataSession.open(dir); OutputStream o = Files.newOutputStream(temp)) {
                    session.bean(BackupArchive.class).write(o);
                    session.succeeded();
                } catch (edu.scrutiny.app.support.Conflict e) {
                    throw new CommandProblem(e.getMessage());
                }
                via = "directly";
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            spec.commandLine().getOut().println("backed up " + dir + " " + via + " into " + target + " (" + Files.size(target) + " bytes)");
            return ScrutinyCli.OK;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void throughServer(String url, Path into) throws IOException, InterruptedException {
        String t = token != null ? token : System.getenv("SCRUTINY_TOKEN");
        if (t == null || t.isBlank()) {
            throw new CommandProblem("a running server holds the data directory (" + url + "): pass an administrator's API token"
                    + " with --token or SCRUTINY_TOKEN, and the backup is made through it");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url).resolve("api/admin/backup"))
                .header("Authorization", "Bearer " + t.strip()).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<InputStream> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.ConnectException e) {
            throw new CommandProblem(url + ": no server answers, though " + ServeCommand.SERVER_FILE
                    + " says one holds the data directory; if it was killed, remove that file and run the backup again");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new CommandProblem(url + "api/admin/backup answered " + response.statusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            Files.copy(body, into, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
