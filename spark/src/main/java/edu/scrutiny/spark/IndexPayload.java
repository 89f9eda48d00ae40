package edu.scrutiny.spark;

import edu.scrutiny.lists.ExportedLists;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.matching.ScreeningIndex;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What the driver broadcasts to the executors: the list entries the index is built from, in index
 * order, as gzip-compressed JSON lines (the export format's lines), and the SHA-256 of those bytes.
 *
 * <p>Why the entries and not the built {@link ScreeningIndex}: the index holds ICU transliterators,
 * per-thread scratch arrays and derived tables (normalised names, variant and skeleton keys,
 * postings) that are several times the size of the entries and are not serialisable; the entries
 * compress about tenfold. Each executor JVM builds the index from them once ({@link #index()}: one
 * build per JVM, shared by all its task threads, kept for the JVM's life under the payload's hash),
 * and {@code ScreeningIndex.build} is deterministic for the same entries in the same order, so every
 * executor screens against the same index as the driver (and as {@code scrutiny screen}). In local
 * mode the executors are the driver's JVM and reuse the index the driver built.
 */
public record IndexPayload(String sha256, byte[] gzippedEntries, int entries) implements Serializable {
    private static final ConcurrentHashMap<String, ScreeningIndex> BUILT = new ConcurrentHashMap<>();

    public static IndexPayload of(List<ListEntry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(bytes, 1 << 16), StandardCharsets.UTF_8)) {
            for (ListEntry e : entries) {
                w.write(ExportedLists.toJson(e));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] gz = bytes.toByteArray();
        return new IndexPayload(sha256(gz), gz, entries.size());
    }

    /** The entries back, in the order they were given. */
    public List<ListEntry> decode() {
        List<ListEntry> out = new ArrayList<>(entries);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(gzippedEntries), 1 << 16), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.add(ExportedLists.fromJson(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** This JVM's index of the payload, built on first use. */
    public ScreeningIndex index() {
        return BUILT.computeIfAbsent(sha256, k -> ScreeningIndex.build(decode()));
    }

    /** Whether this JVM has built the index already (the driver, or an executor that has run a task). */
    public boolean built() {
        return BUILT.containsKey(sha256);
    }

    /** The size broadcast, in bytes. */
    public int bytes() {
        return gzippedEntries.length;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
