package edu.scrutiny.lists;

import java.io.IOException;
import java.io.InputStream;

/**
 * One file of a list: a plain file, or an entry of a zip archive. Readers open it as often as
 * they need; each {@link #open()} gives a fresh stream from the start.
 */
public interface ListFile {
    /** The base name, e.g. {@code sdn.csv} or {@code CONS_ENHANCED.XML}. */
    String name();

    /** Where it is, for messages: a path, or {@code archive.zip!/entry}. */
    String location();

    /** A new stream over the bytes; the caller closes it. Zip entries are guarded against bombs. */
    InputStream open() throws IOException;

    /** The first bytes (at most {@code max}), for format detection. */
    default byte[] head(int max) throws IOException {
        try (InputStream in = open()) {
            return in.readNBytes(max);
        }
    }
}
