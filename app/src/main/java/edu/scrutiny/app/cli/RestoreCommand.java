package edu.scrutiny.app.cli;

import edu.scrutiny.app.audit.AuditLog;
import edu.scrutiny.app.audit.AuditVerification;
import edu.scrutiny.app.monitoring.ListSources;
import edu.scrutiny.app.operations.BackupArchive;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code scrutiny restore FILE --data DIR}: a backup made by {@code scrutiny backup} into a new or
 * empty data directory. The list sources' local files go to {@code DIR/imports/LIST/} (the default import directory, the only place a server's
 * list sources may read local files from), and the
 * sources are pointed at them, so the directory stands on its own. Only the names a backup holds are
 * accepted (no path leaves DIR); anything else, or a failure half way, leaves no directory behind.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restores a backup (from scrutiny backup) into a new or empty data directory, and checks its audit trail.")
final class RestoreCommand implements java.util.concurrent.Callable<Integer> {
    private static final Pattern SOURCE_ENTRY = Pattern.compile("list-sources/([A-Za-z0-9][A-Za-z0-9._-]{0,99})/([^/\\\\]{1,255})");

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup file.")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dir = ScrutinyCli.dataDirectory(spec).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new CommandProblem(file + ": no such file");
        }
        boolean created = !Files.exists(dir);
        if (!created) {
            if (!Files.isDirectory(dir)) {
                throw new CommandProblem(dir + ": is a file, not a data directory");
            }
            try (Stream<Path> in = Files.list(dir)) {
                if (in.findAny().isPresent()) {
                    throw new CommandProblem(dir + ": not empty; restore only into a new or empty directory, never over data");
                }
            }
        }
        Files.createDirectories(dir);
        boolean done = false;
        try {
            Map<String, Path> restoredSources = unpack(dir);
            try (DataSession session = DataSession.open(dir)) {
                ListSources sources = session.bean(ListSources.class);
                restoredSources.forEach((list, path) -> sources.relocate(list, path.toString()));
                AuditVerification verified = session.bean(AuditLog.class).verify();
                if (!verified.intact()) {
                    throw new CommandProblem(file + ": restored, but the audit trail does not verify at record " + verified.brokenAt() + ": " + verified.reason());
                }
                session.succeeded();
                spec.commandLine().getOut().println("restored " + file + " into " + dir + " (" + restoredSources.size()
                        + " list source file(s)); audit trail verified (" + verified.records() + " records intact)");
            }
            done = true;
            return ScrutinyCli.OK;
        } finally {
            if (!done) {
                removeContents(dir, created);
            }
        }
    }

    private Map<String, Path> unpack(Path dir) throws IOException {
        Map<String, Path> sources = new LinkedHashMap<>();
        Properties manifest = null;
        boolean database = false;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (name.equals(BackupArchive.MANIFEST)) {
                    manifest = new Properties();
                    manifest.load(new java.io.InputStreamReader(zip, java.nio.charset.StandardCharsets.ISO_8859_1) {
                        @Override
                        public void close() {
                            // the zip stream stays open for the next entry
                        }
                    });
                } else if (name.equals(BackupArchive.DATABASE)) {
                    Files.copy(zip, dir.resolve(DataSession.H2_FILE), StandardCopyOption.REPLACE_EXISTING);
                    database = true;
                } else {
                    var m = SOURCE_ENTRY.matcher(name);
                    if (!m.matches() || m.group(2).equals("..") || m.group(2).equals(".")) {
                        throw new CommandProblem(file + ": entry '" + name + "' is not part of a Scrutiny backup");
                    }
                    Path target = dir.resolve("imports").resolve(m.group(1)).resolve(m.group(2)).normalize();
                    if (!target.startsWith(dir)) {
                        throw new CommandProblem(file + ": entry '" + name + "' would be written outside " + dir);
                    }
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    sources.put(m.group(1), target);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new CommandProblem(file + ": not a zip file (" + e.getMessage() + ")");
        }
        if (manifest == null || !BackupArchive.FORMAT.equals(manifest.getProperty("format"))) {
            throw new CommandProblem(file + ": no " + BackupArchive.MANIFEST + " with format=" + BackupArchive.FORMAT
                    + "; is it a backup made by scrutiny backup?");
        }
        if (!database) {
            throw new CommandProblem(file + ": holds no database (" + BackupArchive.DATABASE + ")");
        }
        return sources;
    }

    private static void removeContents(Path dir, boolean andDir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).filter(p -> andDir || !p.equals(dir)).forEach(p -> p.toFile().delete());
        }
    }
}
