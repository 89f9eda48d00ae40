package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListReader;
import edu.scrutiny.lists.ListSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small XML files written by the bad-input tests of the XML list readers. */
final class XmlTestFiles {
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private XmlTestFiles() {
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** A file whose only content is a secret, for external-entity tests: its content must never come back. */
    static Path secret(Path dir) throws IOException {
        return write(dir, "secret.txt", "TOP-SECRET-4711");
    }

    /** Reads with the reader itself, skipping discovery. */
    static List<ListEntry> readWith(ListReader reader, Path p) throws IOException {
        List<ListEntry> out = new ArrayList<>();
        reader.read(ListSource.ofFile(p), out::add);
        return out;
    }
}
