package edu.scrutiny.lists.internal;

import edu.scrutiny.lists.ListFormatException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads zip archives without trusting them: at most {@code maxEntries} entries, and each entry
 * stops with a clear error once it has inflated past {@code maxEntryBytes} (counted as the bytes
 * come out, since a zip bomb lies in its headers). Published lists are a few hundred megabytes
 * at most; the defaults leave a wide margin.
 */
public final class ZipGuard {
    public static final int DEFAULT_MAX_ENTRIES = 1_000;
    public static final long DEFAULT_MAX_ENTRY_BYTES = 2L * 1024 * 1024 * 1024;

    private final int maxEntries;
    private final long maxEntryBytes;

    public ZipGuard(int maxEntries, long maxEntryBytes) {
        if (maxEntries < 1 || maxEntryBytes < 1) {
            throw new IllegalArgumentException("zip limits must be positive");
        }
        this.maxEntries = maxEntries;
        this.maxEntryBytes = maxEntryBytes;
    }

    public static ZipGuard defaults() {
        return new ZipGuard(DEFAULT_MAX_ENTRIES, DEFAULT_MAX_ENTRY_BYTES);
    }

    /** Whether the file starts with a zip signature. */
    public static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && (head[2] == 3 || head[2] == 5) && (head[3] == 4 || head[3] == 6);
    }

    /** The names of the archive's file entries (directories left out), checked against the entry limit. */
    public List<String> entryNames(Path archive) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            if (zip.size() > maxEntries) {
                throw new ListFormatException(archive.toString(), "zip archive has " + zip.size()
                        + " entries; at most " + maxEntries + " are accepted (a list archive holds a few files)");
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (!e.isDirectory()) {
                    names.add(e.getName());
                }
            }
        } catch (ZipException e) {
            throw new ListFormatException(archive.toString(), "not a readable zip archive (" + e.getMessage() + ")", e);
        }
        return names;
    }

    /** A stream over one entry that fails once more than the limit has come out. Closing it closes the archive. */
    public InputStream open(Path archive, String entryName) throws IOException {
        ZipFile zip = new ZipFile(archive.toFile());
        try {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new ListFormatException(archive.toString(), "zip archive has no entry " + entryName);
            }
            return new Limited(zip.getInputStream(entry), zip, archive + "!/" + entryName, maxEntryBytes);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static final class Limited extends FilterInputStream {
        private final ZipFile zip;
        private final String location;
        private final long limit;
        private long count;

        Limited(InputStream in, ZipFile zip, String location, long limit) {
            super(in);
            this.zip = zip;
            this.location = location;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw new ListFormatException(location, "zip entry inflates to more than " + limit
                        + " bytes; refusing it as a possible zip bomb");
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                zip.close();
            }
        }
    }
}
