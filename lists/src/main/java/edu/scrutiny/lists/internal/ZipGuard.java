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
 * Reads zip archives without trusting them: at most {@code maxEntries} entries; at most
 * {@code maxTotalBytes} in all, as the archive's directory declares its entries' sizes (a bomb of
 * many entries, each under the entry limit, is refused before anything is inflated); and each entry
 * stops with a clear error once it has inflated past {@code maxEntryBytes} or past the size its
 * header declared (counted as the bytes come out, since a zip bomb lies in its headers: an entry
 * that inflates beyond what it declared could otherwise carry the archive past the total).
 * Published lists are a few hundred megabytes at most; the defaults leave a wide margin.
 */
public final class ZipGuard {
    public static final int DEFAULT_MAX_ENTRIES = 1_000;
    public static final long DEFAULT_MAX_ENTRY_BYTES = 2L * 1024 * 1024 * 1024;
    public static final long DEFAULT_MAX_TOTAL_BYTES = 4L * 1024 * 1024 * 1024;

    private final int maxEntries;
    private final long maxEntryBytes;
    private final long maxTotalBytes;

    /** The given entry limits, and the default total (or the entry limit, if that is larger). */
    public ZipGuard(int maxEntries, long maxEntryBytes) {
        this(maxEntries, maxEntryBytes, Math.max(maxEntryBytes, DEFAULT_MAX_TOTAL_BYTES));
    }

    public ZipGuard(int maxEntries, long maxEntryBytes, long maxTotalBytes) {
        if (maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < 1) {
            throw new IllegalArgumentException("zip limits must be positive");
        }
        this.maxEntries = maxEntries;
        this.maxEntryBytes = maxEntryBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    public static ZipGuard defaults() {
        return new ZipGuard(DEFAULT_MAX_ENTRIES, DEFAULT_MAX_ENTRY_BYTES, DEFAULT_MAX_TOTAL_BYTES);
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
            checkArchive(zip, archive);
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
            checkArchive(zip, archive);
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new ListFormatException(archive.toString(), "zip archive has no entry " + entryName);
            }
            long declared = entry.getSize();
            return new Limited(zip.getInputStream(entry), zip, archive + "!/" + entryName, maxEntryBytes,
                    declared >= 0 && declared < maxEntryBytes ? declared : -1);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /**
     * The limits on the archive as a whole, from its central directory: the number of entries, and
     * the sum of the sizes they declare (an entry that declares none counts as the entry limit).
     */
    private void checkArchive(ZipFile zip, Path archive) {
        if (zip.size() > maxEntries) {
            throw new ListFormatException(archive.toString(), "zip archive has " + zip.size()
                    + " entries; at most " + maxEntries + " are accepted (a list archive holds a few files)");
        }
        long total = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (!e.isDirectory()) {
                total += e.getSize() < 0 ? maxEntryBytes : Math.min(e.getSize(), maxEntryBytes);
            }
            if (total > maxTotalBytes) {
                throw new ListFormatException(archive.toString(), "zip archive inflates to more than " + maxTotalBytes
                        + " bytes in all; refusing it as a possible zip bomb");
            }
        }
    }

    private static final class Limited extends FilterInputStream {
        private final ZipFile zip;
        private final String location;
        private final long limit;
        private final long declared;
        private long count;

        /** {@code declared}: the size the entry's header gives, when it is under the limit (else -1). */
        Limited(InputStream in, ZipFile zip, String location, long limit, long declared) {
            super(in);
            this.zip = zip;
            this.location = location;
            this.limit = limit;
            this.declared = declared;
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
            if (declared >= 0 && count > declared) {
                throw new ListFormatException(location, "zip entry inflates past the " + declared
                        + " bytes its header declares; refusing it as a possible zip bomb");
            }
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
