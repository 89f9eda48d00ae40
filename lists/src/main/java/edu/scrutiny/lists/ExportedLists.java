package edu.scrutiny.lists;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A directory of list versions exported from a data directory ({@code scrutiny lists export}): the
 * versions in force on one date, each as the entries the application stored when it imported the
 * list (one JSON object per line, the library's own {@link ListEntry}), and {@code manifest.json}
 * naming each list, its version, the format and SHA-256 of the list as published, and the file
 * with its own SHA-256. Batch jobs (the Spark job, {@code scrutiny screen}) read these instead of
 * opening a live database.
 *
 * <p>The published bytes are not kept by an import, only the entries read from them; so the export
 * holds the entries, which are exactly what the application screens against.
 */
public final class ExportedLists {
    public static final String MANIFEST = "manifest.json";
    /** The manifest's {@code file_format}: what each file holds. */
    public static final String FILE_FORMAT = "scrutiny-entries-jsonl";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path dir;
    private final LocalDate asOf;
    private final List<Version> versions;

    private ExportedLists(Path dir, LocalDate asOf, List<Version> versions) {
        this.dir = dir;
        this.asOf = asOf;
        this.versions = List.copyOf(versions);
    }

    /**
     * A list version as the manifest names it.
     *
     * @param list          the list key
     * @param version       the version's id in the data directory it came from
     * @param effectiveFrom from when the version is in force
     * @param format        the format key of the list as published
     * @param sha256        SHA-256 of the list as published
     * @param source        where the list was imported from
     * @param file          the file in the export holding its entries
     * @param fileSha256    SHA-256 of that file
     * @param entries       the entries, in the order they were stored (empty in a manifest being written)
     */
    public record Version(String list, long version, LocalDate effectiveFrom, String format, String sha256, String source,
                          String file, String fileSha256, List<ListEntry> entries) {
    }

    /** Whether a path is an export: a directory holding {@value #MANIFEST}. */
    public static boolean isExport(Path path) {
        return Files.isDirectory(path) && Files.isRegularFile(path.resolve(MANIFEST));
    }

    public Path dir() {
        return dir;
    }

    /** The date the export's versions are in force on. */
    public LocalDate asOf() {
        return asOf;
    }

    public List<Version> versions() {
        return versions;
    }

    /** Every entry of every version, lists in manifest order. */
    public List<ListEntry> entries() {
        List<ListEntry> all = new ArrayList<>();
        versions.forEach(v -> all.addAll(v.entries()));
        return all;
    }

    /**
     * Reads an export, checking each file against the manifest (SHA-256 and number of entries).
     *
     * @throws ListFormatException naming the file (and line) that is missing, altered or malformed
     */
    public static ExportedLists read(Path dir) throws IOException {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new ListFormatException(dir.toString(), "not an exported list directory: it has no " + MANIFEST
                    + " (write one with 'scrutiny lists export')");
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(manifestFile.toFile());
        } catch (JacksonException e) {
            throw new ListFormatException(manifestFile.toString(), "not valid JSON: " + e.getOriginalMessage());
        }
        LocalDate asOf = date(manifest, "as_of", manifestFile.toString());
        JsonNode lists = manifest.get("lists");
        if (lists == null || !lists.isArray()) {
            throw new ListFormatException(manifestFile.toString(), "has no array 'lists'");
        }
        List<Version> versions = new ArrayList<>();
        int i = 0;
        for (JsonNode n : lists) {
            String where = manifestFile + ": lists[" + i++ + "]";
            String fileFormat = text(n, "file_format", where);
            if (!FILE_FORMAT.equals(fileFormat)) {
                throw new ListFormatException(where, "file_format is '" + fileFormat + "', expected '" + FILE_FORMAT + "'");
            }
            String file = text(n, "file", where);
            Path path = dir.resolve(file).normalize();
            if (!path.getParent().equals(dir.normalize()) || !Files.isRegularFile(path)) {
                throw new ListFormatException(where, "names the file '" + file + "', which is not in " + dir);
            }
            String fileSha = text(n, "file_sha256", where);
            List<ListEntry> entries = readEntries(path);
            String actual = sha256(path);
            if (!actual.equals(fileSha)) {
                throw new ListFormatException(path.toString(), "SHA-256 is " + actual + ", the manifest says " + fileSha
                        + ": the file was altered after the export");
            }
            long expected = n.path("entries").asLong(-1);
            if (expected != entries.size()) {
                throw new ListFormatException(path.toString(), "holds " + entries.size() + " entries, the manifest says " + expected);
            }
            versions.add(new Version(text(n, "list", where), n.path("version").asLong(), date(n, "effective_from", where),
                    text(n, "format", where), text(n, "sha256", where), n.path("source").asString(""), file, fileSha, entries));
        }
        if (versions.isEmpty()) {
            throw new ListFormatException(manifestFile.toString(), "names no list");
        }
        return new ExportedLists(dir, asOf, versions);
    }

    private static List<ListEntry> readEntries(Path file) throws IOException {
        List<ListEntry> entries = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(JSON.readValue(line, ListEntry.class));
                } catch (JacksonException e) {
                    throw new ListFormatException(file + ":" + number, "not a list entry: " + e.getOriginalMessage());
                }
            }
        }
        return entries;
    }

    /** One entry as a line of an export file (JSON, no line break). */
    public static String toJson(ListEntry entry) {
        return JSON.writeValueAsString(entry);
    }

    /** An entry back from {@link #toJson}. */
    public static ListEntry fromJson(String json) {
        return JSON.readValue(json, ListEntry.class);
    }

    /**
     * Writes an export into a new directory, whole or not at all: into a temporary directory beside
     * it, moved into place when every file is written.
     *
     * @param target   a directory that does not exist yet (or is empty)
     * @param versions each version's manifest fields (its {@code file}, {@code fileSha256} and
     *                 {@code entries} are filled in here) with a function that streams its entries
     * @return the manifest's versions as written
     */
    public static List<Version> write(Path target, LocalDate asOf, List<VersionSource> versions) throws IOException {
        Path out = target.toAbsolutePath().normalize();
        if (Files.exists(out) && !(Files.isDirectory(out) && isEmpty(out))) {
            throw new ListFormatException(target.toString(), "already exists; an export goes into a new (or empty) directory");
        }
        Path parent = out.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new ListFormatException(target.toString(), "the directory " + parent + " does not exist");
        }
        // created as any directory (the umask's permissions), not as a private temporary one: an export is for sharing
        Path temp = Files.createDirectory(parent.resolve("." + out.getFileName() + ".partial-" + java.util.UUID.randomUUID()));
        boolean done = false;
        try {
            List<Version> written = new ArrayList<>();
            ArrayNode lists = JSON.createArrayNode();
            for (VersionSource s : versions) {
                Version v = s.version();
                String file = v.list().replaceAll("[^A-Za-z0-9._-]", "_") + "-v" + v.version() + ".jsonl";
                long[] count = {0};
                MessageDigest md = sha256();
                try (Writer w = new BufferedWriter(new OutputStreamWriter(
                        new DigestOutputStream(Files.newOutputStream(temp.resolve(file)), md), StandardCharsets.UTF_8))) {
                    s.entries().accept(e -> {
                        try {
                            w.write(toJson(e));
                            w.write('\n');
                            count[0]++;
                        } catch (IOException ex) {
                            throw new UncheckedIOException(ex);
                        }
                    });
                }
                String fileSha = HexFormat.of().formatHex(md.digest());
                ObjectNode n = lists.addObject();
                n.put("list", v.list());
                n.put("version", v.version());
                n.put("effective_from", v.effectiveFrom().toString());
                n.put("format", v.format());
                n.put("sha256", v.sha256());
                n.put("source", v.source());
                n.put("entries", count[0]);
                n.put("file", file);
                n.put("file_format", FILE_FORMAT);
                n.put("file_sha256", fileSha);
                written.add(new Version(v.list(), v.version(), v.effectiveFrom(), v.format(), v.sha256(), v.source(), file,
                        fileSha, List.of()));
            }
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("as_of", asOf.toString());
            manifest.set("lists", lists);
            Files.writeString(temp.resolve(MANIFEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
            if (Files.isDirectory(out)) {
                Files.delete(out); // empty, checked above
            }
            try {
                Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, out);
            }
            done = true;
            return written;
        } finally {
            if (!done) {
                deleteTree(temp);
            }
        }
    }

    /** A version to export: its manifest fields, and its entries streamed in stored order. */
    public record VersionSource(Version version, Consumer<Consumer<ListEntry>> entries) {
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isString() || v.asString().isEmpty()) {
            throw new ListFormatException(where, "lacks the text field '" + field + "'");
        }
        return v.asString();
    }

    private static LocalDate date(JsonNode n, String field, String where) {
        String t = text(n, field, where);
        try {
            return LocalDate.parse(t);
        } catch (DateTimeException e) {
            throw new ListFormatException(where, "'" + field + "' is '" + t + "', expected YYYY-MM-DD");
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
