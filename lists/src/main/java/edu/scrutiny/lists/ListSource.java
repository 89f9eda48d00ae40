package edu.scrutiny.lists;

import edu.scrutiny.lists.internal.ZipGuard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The files that together make one list: usually one file, for OFAC's legacy CSV a set of files
 * (sdn.csv with add.csv, alt.csv and sdn_comments.csv). Files may be plain files or zip entries.
 *
 * @param origin   what the user named: a file, a directory or a zip archive
 * @param files    the files of this list, in reading order
 * @param hashed   the plain files whose bytes make up the content hash (the archive itself for zipped lists)
 */
public record ListSource(Path origin, List<ListFile> files, List<Path> hashed) {

    public ListSource {
        Objects.requireNonNull(origin, "origin");
        files = List.copyOf(files);
        hashed = List.copyOf(hashed);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a list source needs at least one file");
        }
    }

    /** A source of one plain file. */
    public static ListSource ofFile(Path file) {
        return new ListSource(file, List.of(new PlainFile(file)), List.of(file));
    }

    /** The only file, for single-file formats. */
    public ListFile single() {
        return files.get(0);
    }

    /** The file of that base name (case-insensitive), if the source has one. */
    public Optional<ListFile> file(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return files.stream().filter(f -> f.name().toLowerCase(Locale.ROOT).equals(n)).findFirst();
    }

    /** For messages: the origin, and the file when the source is one file of a larger origin. */
    public String describe() {
        if (files.size() == 1) {
            return files.get(0).location();
        }
        return origin.toString();
    }

    /**
     * SHA-256 of the bytes of the source as published: the file, each file of a set in order, or
     * the zip archive. Two sources with the same hash hold the same list.
     */
    public String sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (Path p : hashed) {
                try (InputStream in = new DigestInputStream(Files.newInputStream(p), md)) {
                    while (in.read(buffer) >= 0) {
                        // the digest stream does the work
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** A plain file on disk. */
    public record PlainFile(Path path) implements ListFile {
        @Override
        public String name() {
            return path.getFileName().toString();
        }

        @Override
        public String location() {
            return path.toString();
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }
    }

    /** An entry of a zip archive, read through {@link ZipGuard}'s limits. */
    public record ZipEntryFile(Path archive, String entryName, ZipGuard guard) implements ListFile {
        @Override
        public String name() {
            int slash = entryName.lastIndexOf('/');
            return slash < 0 ? entryName : entryName.substring(slash + 1);
        }

        @Override
        public String location() {
            return archive + "!/" + entryName;
        }

        @Override
        public InputStream open() throws IOException {
            return guard.open(archive, entryName);
        }
    }
}
